// Assembles kith: database -> migrations -> (demo data) -> schema -> Apollo -> HTTP handler. Used by main and tests.
import { createServer, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { DataSource } from "typeorm";
import type { ApolloServer } from "@apollo/server";
import type { Config } from "./config";
import type { Logger } from "./log";
import type { KithModule, NodeType } from "./kith-module";
import { foundation } from "./foundation";
import { modules as domainModules } from "./modules";
import { openDataSource } from "./db/data-source";
import { startEmbeddedDatabase, EmbeddedDatabase } from "./db/embedded";
import { AppServices, Context } from "./graphql/context";
import { buildKithSchema } from "./graphql/schema";
import { RelationRegistry } from "./graphql/relations";
import { answerClientError, createApollo, createHttpHandler, HttpHandler } from "./graphql/server";
import { loadDemoDataIfEmpty } from "./demo/demo";
import { startEventWorker } from "./events/event-worker";
import { createSharedCache } from "./auth/shared-cache";
import { Sessions } from "./auth/sessions";
import { memoryBuckets, redisBuckets } from "./graphql/rate-limits";
import { ApiKeyUsageCounter } from "./auth/api-key-usage";

export const allModules: KithModule[] = [foundation, ...domainModules];

export interface Kith {
  services: AppServices;
  apollo: ApolloServer<Context>;
  handler: HttpHandler;
  /** Set once `listen` has been called. */
  http?: Server;
  listen(port: number): Promise<number>;
  stop(): Promise<void>;
}

export function nodeTypesOf(modules: KithModule[]): Map<string, NodeType> {
  return new Map(modules.flatMap((m) => Object.entries(m.nodeTypes ?? {})));
}

/** Opens the database a config points at (embedded PGlite in the data dir when there is no DATABASE_URL). */
export async function openDatabase(config: Config, log: Logger): Promise<{ db: DataSource; embedded?: EmbeddedDatabase }> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedDatabase(`${config.dataDir}/pgdata`);
  const db = await openDataSource({
    url: config.databaseUrl ?? embedded!.url, modules: allModules, log, embedded: !!embedded,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  return { db, embedded };
}

/** Builds the server over an initialised, migrated data source. */
export async function createKith(db: DataSource, config: Config, log: Logger, onStop?: () => Promise<void>): Promise<Kith> {
  const cache = createSharedCache(config.redisUrl);
  const services: AppServices = {
    db, config, log, modules: allModules, nodeTypes: nodeTypesOf(allModules),
    relations: new RelationRegistry(allModules.flatMap((m) => m.relations ?? [])),
    sessions: new Sessions(db, cache, config.tokenSecret),
    keyUsage: new ApiKeyUsageCounter(db, log),
  };
  services.keyUsage.start();
  const limit = config.rateLimit;
  const buckets = limit ? (config.redisUrl ? redisBuckets(config.redisUrl, limit) : memoryBuckets(limit)) : undefined;
  const apollo = createApollo(services, await buildKithSchema(allModules), buckets);
  await apollo.start();
  const handler = createHttpHandler(services, apollo);
  const events = config.runWorkers ? startEventWorker(db, log, config) : undefined;
  const workers = config.runWorkers ? allModules.flatMap((m) => m.workers ?? []).map((start) => start(services)) : [];
  // Responses not yet sent; on stop they are told to close their connection, so a keep-alive socket does not
  // hold shutdown open until its idle timeout once its last request is done.
  const unsent = new Set<ServerResponse>();
  let stopping = false;
  const kith: Kith = {
    services, apollo, handler,
    listen(port) {
      const http = createServer((req, res) => {
        if (stopping) res.setHeader("connection", "close");
        unsent.add(res);
        res.on("close", () => unsent.delete(res));
        void handler(req, res);
      });
      http.on("clientError", answerClientError);
      kith.http = http;
      return new Promise((resolve, reject) => {
        http.once("error", reject);
        http.listen(port, () => resolve((http.address() as AddressInfo).port));
      });
    },
    async stop() {
      stopping = true;
      for (const res of unsent) if (!res.headersSent) res.setHeader("connection", "close");
      if (kith.http) {
        // Stop accepting, let in-flight requests finish, then drop idle keep-alive sockets.
        const closed = new Promise((r) => kith.http!.close(r));
        kith.http.closeIdleConnections();
        const force = setTimeout(() => kith.http?.closeAllConnections(), 10_000);
        await closed;
        clearTimeout(force);
      }
      await apollo.stop();
      await services.keyUsage.stop();
      await buckets?.close();
      await events?.stop();
      await cache.close();
      await Promise.all(workers.map((w) => w.stop()));
      // The data source may already be closed (a lost database, a test); stopping must still finish.
      if (db.isInitialized) await db.destroy();
      await onStop?.();
    },
  };
  return kith;
}

/** The whole start-up for `npm start`: open, migrate, load demo data when empty, build the server. */
export async function startKith(config: Config, log: Logger): Promise<Kith> {
  const { db, embedded } = await openDatabase(config, log);
  await db.runMigrations({ transaction: "each" });
  if (config.loadDemo) await loadDemoDataIfEmpty(db, allModules, log);
  return createKith(db, config, log, embedded ? () => embedded.stop() : undefined);
}
