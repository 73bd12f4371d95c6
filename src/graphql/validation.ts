// Argument validation at the edge, for every argument of every field: class-validator rules on input classes at any
// depth (no @ValidateNested to forget), and no NUL character in any string (PostgreSQL cannot store one). Messages name
// the field and the rule, never the value.
import { getMetadataStorage, validateSync, ValidationError, ValidatorOptions } from "class-validator";
import { ArgumentValidationError, Extensions, type ValidatorFn } from "type-graphql";

const OPTIONS: ValidatorOptions = {
  skipMissingProperties: true, forbidUnknownValues: false, validationError: { target: false, value: false },
};

/** Whether a class declares any class-validator rule (most inputs do not: they are skipped at no cost). */
const declaresRules = new Map<object, boolean>();
function hasRules(type: object): boolean {
  let known = declaresRules.get(type);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(type as new () => object, "", true, false).length > 0;
    declaresRules.set(type, known);
  }
  return known;
}

function failure(property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

/** Properties whose service finds NUL itself and says where (an uploaded file's line), so the edge lets it through. */
const nulReportedByService = new Map<object, Set<string>>();

/** Marks a text input field whose service reports NUL characters itself, more precisely than the edge can. */
export function NulReportedByService(): PropertyDecorator {
  return (target, property) => {
    // The operation checks (operation-checks.ts) see the mark on the schema's input field.
    Extensions({ nulReportedByService: true })(target, property);
    const own = nulReportedByService.get(target.constructor) ?? new Set<string>();
    nulReportedByService.set(target.constructor, own.add(String(property)));
  };
}

/** The problems inside one object, as class-validator reports them (by property, nested as children). */
function problemsOf(value: object): ValidationError[] {
  const own = value.constructor !== Object && hasRules(value.constructor) ? validateSync(value, OPTIONS) : [];
  const exempt = nulReportedByService.get(value.constructor);
  const nested = Object.entries(value).flatMap(([key, v]) => (exempt?.has(key) && typeof v === "string" ? [] : problemAt(key, v)));
  return [...own, ...nested];
}

/** Problems of a value held at `property`: NUL in text, and whatever is wrong inside objects and lists. */
function problemAt(property: string, value: unknown): ValidationError[] {
  if (typeof value === "string") {
    return value.includes("\u0000") ? [failure(property, { noNulCharacter: `${property} must not contain NUL characters` })] : [];
  }
  if (Array.isArray(value)) {
    const children = value.flatMap((v, i) => problemAt(String(i), v));
    return children.length ? [failure(property, undefined, children)] : [];
  }
  if (value && typeof value === "object" && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    const children = problemsOf(value);
    return children.length ? [failure(property, undefined, children)] : [];
  }
  return [];
}

/**
 * type-graphql's validateFn: an input object's problems are reported at its own fields ("name: ..."), an @Args
 * class's at its arguments ("filter.search: ..."), a plain argument's under its name.
 */
export const validateArgument: ValidatorFn = (value, _type, { args }) => {
  if (value === null || value === undefined) return;
  let problems: ValidationError[];
  if (typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) problems = problemsOf(value);
  else problems = problemAt(Object.keys(args).find((k) => args[k] === value) ?? "argument", value);
  if (problems.length) throw new ArgumentValidationError(problems);
};
