// The places module: reference geography every other module points at.
import type { KithModule } from "../../kith-module";
import { Place } from "./place.entity";
import { Places1763900000100 } from "./migrations/1763900000100-Places";
import { PlaceDemo1765000040000 } from "./migrations/1765000040000-PlaceDemo";
import { PlacesResolver } from "./places.resolver";
import { placesLoaders } from "./places.loaders";
import { placeRelations } from "./places.relations";
import { placesScopes } from "./places.scopes";
import { placesPolicy } from "./access.policy";
import { loadDemoPlaces } from "./places.demo";

export const placesModule: KithModule = {
  name: "places",
  scopes: placesScopes,
  entities: [Place],
  migrations: [Places1763900000100, PlaceDemo1765000040000],
  resolvers: [PlacesResolver],
  loaders: placesLoaders,
  relations: Object.values(placeRelations),
  accessPolicy: placesPolicy,
  demo: loadDemoPlaces,
  nodeTypes: { Place: { load: (ctx, key) => ctx.loaders.placeById.load(key) } },
};
