// The places module: reference geography every other module points at.
import type { KithModule } from "../../kith-module";
import { Place } from "./place.entity";
import { Places1763900000100 } from "./migrations/1763900000100-Places";
import { PlacesResolver } from "./places.resolver";
import { placesLoaders } from "./places.loaders";
import { placeRelations } from "./places.relations";
import { placesPolicy } from "./access.policy";

export const placesModule: KithModule = {
  name: "places",
  entities: [Place],
  migrations: [Places1763900000100],
  resolvers: [PlacesResolver],
  loaders: placesLoaders,
  relations: Object.values(placeRelations),
  accessPolicy: placesPolicy,
  nodeTypes: { Place: { load: (ctx, key) => ctx.loaders.placeById.load(key) } },
};
