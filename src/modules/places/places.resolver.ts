// Places: the `places` list, and each place's parent and children.
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from "type-graphql";
import { ArrayMaxSize, MaxLength, ValidateNested } from "class-validator";
import type { Context } from "../../graphql/context";
import { ConnectionResult, ConnectionType, PageArgs, paginate } from "../../graphql/connection";
import { keyOf } from "../../graphql/ids";
import { badInput } from "../../graphql/errors";
import { Place, PlaceKind } from "./place.entity";

@InputType()
class PlaceFilter {
  @Field(() => [PlaceKind], { nullable: true }) @ArrayMaxSize(4) kinds?: PlaceKind[];
  @Field(() => ID, { nullable: true, description: "Only the direct children of this place." }) parentId?: string;
  @Field({ nullable: true, description: "Part of the name or the exact GSS code." }) @MaxLength(200) search?: string;
}

@ArgsType()
class PlacesArgs extends PageArgs {
  @Field(() => PlaceFilter, { nullable: true }) @ValidateNested() filter?: PlaceFilter;
}

const PlaceConnection = ConnectionType(Place, "Place");
const BY_NAME = { name: "name", keys: ["lower(p.name)", "p.id"], direction: "ASC" as const };

@Resolver(() => Place)
export class PlacesResolver {
  @Query(() => PlaceConnection, { description: "Places by name. Public reference data." })
  places(@Args() args: PlacesArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Place>> {
    const f = args.filter ?? {};
    const qb = ctx.app.db.getRepository(Place).createQueryBuilder("p");
    if (f.kinds?.length) qb.andWhere("p.kind = ANY(:kinds)", { kinds: f.kinds });
    if (f.parentId) {
      const parent = keyOf(f.parentId, "Place");
      if (!parent) throw badInput("filter.parentId is not a place's ID.");
      qb.andWhere("p.parent_id = :parent", { parent });
    }
    if (f.search?.trim()) {
      const s = f.search.trim();
      qb.andWhere("(p.name ILIKE :pattern ESCAPE '\\' OR p.code = :code)", {
        pattern: `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, code: s.toUpperCase(),
      });
    }
    return paginate(qb, BY_NAME, args);
  }

  @FieldResolver(() => Place, { nullable: true })
  parent(@Root() place: Place, @Ctx() ctx: Context): Promise<Place | null> | null {
    return place.parentId ? ctx.loaders.placeById.load(place.parentId) : null;
  }

  @FieldResolver(() => [Place], { description: "Places directly inside this one, by name." })
  children(@Root() place: Place, @Ctx() ctx: Context): Promise<Place[]> {
    return ctx.loaders.placesByParent.load(place.id);
  }
}
