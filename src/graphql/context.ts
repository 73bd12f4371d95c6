// The per-request context: viewer, request id and a fresh set of DataLoaders; one builder for HTTP and tests.
import type { DataSource } from "typeorm";
import type { Config } from "../config";
import type { Logger } from "../log";
import type { Viewer } from "../auth/viewer";
import type DataLoader from "dataloader";
import type { KithModule, NodeType } from "../kith-module";
import type { RelationRegistry } from "./relations";
import type { Sessions } from "../auth/sessions";
import type { ApiKeyUsageCounter } from "../auth/api-key-usage";

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
  /** Sessions and the cache processes share (revocations, access changes, rate limits). */
  sessions: Sessions;
  /** Each API key's requests and query cost, counted here and added to PostgreSQL in batches. */
  keyUsage: ApiKeyUsageCounter;
}

export interface Context {
  requestId: string;
  viewer: Viewer;
  /** Where the request came from (client-address.ts), for throttling; null when not over HTTP. */
  clientAddress: string | null;
  /** The client's User-Agent (shortened), named in the person's list of sessions; null when not over HTTP. */
  userAgent: string | null;
  loaders: Loaders;
  /** Loaders of declared relations, made on first use (relations.ts). */
  relationLoaders: Map<string, DataLoader<string, unknown>>;
  app: AppServices;
}

const MADE = Symbol("loaders made");
type LazyLoaders = Loaders & { [MADE]: Record<string, unknown>[] };

/**
 * The shape of a request's loaders, made once per app: a getter per loader that builds its module's loaders the first
 * time the request uses one, so a request pays only for the modules it reads.
 */
const loaderShapes = new WeakMap<AppServices, object>();
function loaderShape(app: AppServices): object {
  let shape = loaderShapes.get(app);
  if (shape) return shape;
  shape = {};
  app.modules.forEach((m, i) => {
    if (!m.loaders) return;
    const make = m.loaders;
    for (const name of Object.keys(make(app.db))) {
      Object.defineProperty(shape, name, {
        get(this: LazyLoaders) {
          this[MADE][i] ??= make(app.db) as Record<string, unknown>;
          return this[MADE][i][name];
        },
      });
    }
  });
  loaderShapes.set(app, shape);
  return shape;
}

export function createLoaders(app: AppServices): Loaders {
  const loaders = Object.create(loaderShape(app)) as LazyLoaders;
  loaders[MADE] = [];
  return loaders;
}

export function buildContext(
  app: AppServices, viewer: Viewer, requestId: string, clientAddress: string | null = null, userAgent: string | null = null,
): Context {
  return { requestId, viewer, clientAddress, userAgent, loaders: createLoaders(app), relationLoaders: new Map(), app };
}
