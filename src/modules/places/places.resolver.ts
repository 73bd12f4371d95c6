// Places: the `places` list, and each place's parent and children.
import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ConnectionResult, ConnectionType, PageArgs } from "../../graphql/connection";
import { Query } from "../../graphql/operations";
import { Place } from "./place.entity";
import { listPlaces, PlaceFilter } from "./places.lists";

@ArgsType()
class PlacesArgs extends PageArgs {
  @Field(() => PlaceFilter, { nullable: true }) filter?: PlaceFilter;
}

const PlaceConnection = ConnectionType(Place, "Place");

@Resolver(() => Place)
export class PlacesResolver {
  @Query(() => PlaceConnection, { description: "Places by name. Public reference data." })
  places(@Args() args: PlacesArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Place>> {
    return listPlaces(ctx.app.db, args, args.filter ?? {});
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
