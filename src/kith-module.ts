// What a module hands the foundation: its tables, API, loaders, node types, contributions to other modules' extension
// points, and its part of the demo and scale data. src/modules/MODULE.md says how to fill it in.
import type { DataSource, EntityManager } from "typeorm";
import type { Contribution } from "./kit/extension-point";
import type { Relation } from "./graphql/relations";
import type { AppServices, Context, Loaders } from "./graphql/context";
import type { Logger } from "./log";
import type { KeyScopes } from "./auth/scopes";
import type { AccessPolicy } from "./graphql/access-policy";

export interface NodeType {
  /** Loads one object by primary key for `node(id:)`, applying the viewer's access (null when hidden). */
  load(ctx: Context, key: string): Promise<object | null>;
}

/** A plain HTTP GET endpoint a module serves beside /graphql (open data files). */
export interface HttpRoute {
  path: string;
  /** The body and its content type; thrown errors are masked as 500 like any other fault. */
  get(app: AppServices, url: URL): Promise<{ contentType: string; body: string; headers?: Record<string, string> }>;
}

export interface DemoContext {
  db: DataSource;
  manager: EntityManager;
  log: Logger;
}

export interface KithModule {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers?: Function[];
  loaders?: (db: DataSource) => Partial<Loaders>;
  /** PostgreSQL settings every database session needs (e.g. a search threshold), set on every connection. */
  sessionSettings?: Record<string, string>;
  nodeTypes?: Record<string, NodeType>;
  /** The scope a partner API key needs for each of the module's root fields and types (`<area>.scopes.ts`). */
  scopes?: KeyScopes;
  /** Background workers this module runs in processes with KITH_WORKERS on (e.g. webhook delivery); each can stop. */
  workers?: ((app: AppServices) => { stop(): Promise<void> })[];
  /**
   * Root mutations that take a file's text (a CSV import): a signed-in request that calls only these may send a body up
   * to KITH_MAX_UPLOAD_BYTES instead of KITH_MAX_BODY_BYTES.
   */
  uploadMutations?: string[];
  /** HTTP GET endpoints beside /graphql (e.g. /open-data/360giving.json). */
  httpRoutes?: HttpRoute[];
  /** Relations this module answers (on its own types or on earlier modules'), read folded or batched. */
  relations?: Relation[];
  /**
   * What this module adds to extension points that foundation or earlier modules offer (a directory filter, an event
   * handler): installed from the module list at start-up, never by importing a file.
   */
  contributes?: Contribution[];
  /**
   * Who may read each type and field this module serves (its `access.policy.ts`): the access matrix test checks the
   * API against it for every kind of principal, and fails on a type or field nobody declared.
   */
  accessPolicy?: AccessPolicy;
  /** Adds this module's part of the demo data set; modules run in list order, inside one transaction. */
  demo?: (ctx: DemoContext) => Promise<void>;
  /** Adds `count` generated records for `npm run seed -- --scale N`, reproducibly from `seed`. */
  scale?: (manager: EntityManager, count: number, seed: number) => Promise<number>;
}
