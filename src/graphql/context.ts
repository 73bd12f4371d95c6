// The per-request context: viewer, request id and a fresh set of DataLoaders; one builder for HTTP and tests.
import type { DataSource } from "typeorm";
import type { Config } from "../config";
import type { Logger } from "../log";
import type { Viewer } from "../auth/viewer";
import type DataLoader from "dataloader";
import type { KithModule, NodeType } from "../kith-module";
import type { RelationRegistry } from "./relations";

/** Every module adds its loaders to this interface (declaration merging) and builds them in `loaders()`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

export interface AppServices {
  db: DataSource;
  config: Config;
  log: Logger;
  modules: KithModule[];
  nodeTypes: Map<string, NodeType>;
  relations: RelationRegistry;
}

export interface Context {
  requestId: string;
  viewer: Viewer;
  /** Where the request came from (client-address.ts), for throttling; null when not over HTTP. */
  clientAddress: string | null;
  loaders: Loaders;
  /** Loaders of declared relations, made on first use (relations.ts). */
  relationLoaders: Map<string, DataLoader<string, unknown>>;
  app: AppServices;
}

export function createLoaders(app: AppServices): Loaders {
  const loaders = {} as Loaders;
  for (const m of app.modules) Object.assign(loaders, m.loaders?.(app.db) ?? {});
  return loaders;
}

export function buildContext(app: AppServices, viewer: Viewer, requestId: string, clientAddress: string | null = null): Context {
  return { requestId, viewer, clientAddress, loaders: createLoaders(app), relationLoaders: new Map(), app };
}
