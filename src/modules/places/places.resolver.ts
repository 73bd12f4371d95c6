// Places: the `places` list, and each place's parent and children.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ConnectionResult, ConnectionType, PageArgs } from "../../graphql/connection";
import { Mutation, Query } from "../../graphql/operations";
import { readRelation } from "../../graphql/relations";
import { Place } from "./place.entity";
import { listPlaces, PlaceFilter } from "./places.lists";
import { placeRelations } from "./places.relations";
import { ImportPlacesInput } from "./places.inputs";
import { ImportPlacesPayload } from "./places.types";
import { PlacesImportService } from "./places-import.service";

@ArgsType()
class PlacesArgs extends PageArgs {
  @Field(() => PlaceFilter, { nullable: true }) filter?: PlaceFilter;
}

const PlaceConnection = ConnectionType(Place, "Place");

@Resolver(() => Place)
export class PlacesResolver {
  @Query(() => PlaceConnection, { description: "Places by name. Public reference data." })
  places(@Args() args: PlacesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Place>> {
    return listPlaces(ctx.app.db, args, args.filter ?? {}, { ctx, info });
  }

  @Mutation(() => ImportPlacesPayload, {
    description: "Load places from CSV (ADMIN): all rows or, when any row is bad, none, with every bad row in userErrors."
      + " A code already loaded updates that place's name and parent; its kind stays.",
  })
  async importPlaces(@Arg("input") input: ImportPlacesInput, @Ctx() ctx: Context): Promise<ImportPlacesPayload> {
    const result = await new PlacesImportService(ctx.app.db).importCsv(ctx, input.csv);
    if ("errors" in result) return { created: [], updated: [], unchangedCount: 0, userErrors: result.errors };
    return { ...result, userErrors: [] };
  }

  @FieldResolver(() => Place, { nullable: true })
  parent(@Root() place: Place, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Place | null> | Place | null {
    return readRelation(placeRelations.parent, place, {}, ctx, info);
  }

  @FieldResolver(() => [Place], { description: "Places directly inside this one, by name." })
  children(@Root() place: Place, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Place[]> | Place[] {
    return readRelation(placeRelations.children, place, {}, ctx, info);
  }
}
