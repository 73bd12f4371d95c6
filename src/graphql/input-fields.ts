// The fields inputs are made of, each with its edge limits built in: text with a hard size cap, global IDs decoded to
// keys (IdOf), bounded lists, versions, calendar days. Real rules (a name's length, an amount's range) live in services.
import { ArrayMaxSize, MaxLength } from "class-validator";
import { Field, ID, Int } from "type-graphql";
import { IdOf } from "./id-arguments";
import { DateScalar, SafeInt } from "./scalars";

/** Far above any real value: longer input is abuse and is refused before any rule runs. */
export const HARD_TEXT_LIMIT = 20000;
/** Search words: a few words, never an essay. */
export const SEARCH_TEXT_LIMIT = 200;

interface FieldOptions {
  nullable?: boolean;
  description?: string;
}

type Decorator = (target: object, property: string) => void;
const all = (...decorators: Decorator[]): PropertyDecorator => (target, property) => {
  for (const d of decorators) d(target, property as string);
};

/** Text someone types, at most `max` characters (default HARD_TEXT_LIMIT). */
export function TextField(o: FieldOptions & { max?: number } = {}): PropertyDecorator {
  return all(Field(() => String, { nullable: o.nullable, description: o.description }), MaxLength(o.max ?? HARD_TEXT_LIMIT));
}

/** Several texts (e.g. identifiers): at most `maxItems` of at most `max` characters each. */
export function TextListField(o: FieldOptions & { maxItems: number; max?: number }): PropertyDecorator {
  return all(Field(() => [String], { nullable: o.nullable, description: o.description }), ArrayMaxSize(o.maxItems),
    MaxLength(o.max ?? HARD_TEXT_LIMIT, { each: true }));
}

/** One object's global ID; the resolver receives its primary key. */
export function IdField(typeName: string, o: FieldOptions = {}): PropertyDecorator {
  return all(Field(() => ID, { nullable: o.nullable, description: o.description }), IdOf(typeName));
}

/** Several objects' global IDs (at most `max`); the resolver receives their primary keys. */
export function IdListField(typeName: string, o: FieldOptions & { max: number }): PropertyDecorator {
  return all(Field(() => [ID], { nullable: o.nullable, description: o.description }), IdOf(typeName), ArrayMaxSize(o.max));
}

/** A list of enum values or other scalars, at most `max` long. */
export function ListField(type: () => object, o: FieldOptions & { max: number }): PropertyDecorator {
  return all(Field(() => [type()], { nullable: o.nullable, description: o.description }), ArrayMaxSize(o.max));
}

/** The version the editor read: a newer one means someone else changed the record first (STALE_VERSION). */
export function VersionField(o: FieldOptions = {}): PropertyDecorator {
  return Field(() => Int, { nullable: o.nullable, description: o.description });
}

/** A calendar day (YYYY-MM-DD). */
export function DayField(o: FieldOptions = {}): PropertyDecorator {
  return Field(() => DateScalar, { nullable: o.nullable, description: o.description });
}

/** An amount in whole pence (fractions are refused by the scalar; ranges by the service). */
export function PenceField(o: FieldOptions = {}): PropertyDecorator {
  return Field(() => SafeInt, { nullable: o.nullable, description: o.description });
}
