// Embedded PostgreSQL (PGlite) served on a loopback port so the ordinary pg driver and TypeORM can use it.
import { mkdirSync } from "node:fs";
import { PGlite, type Extension } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The contrib entry points publish ESM typings only; their CommonJS builds load fine through require.
/* eslint-disable @typescript-eslint/no-require-imports */
const { pg_trgm } = require("@electric-sql/pglite/contrib/pg_trgm") as { pg_trgm: Extension };
const { pgcrypto } = require("@electric-sql/pglite/contrib/pgcrypto") as { pgcrypto: Extension };
/* eslint-enable @typescript-eslint/no-require-imports */

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite with the extensions our migrations use. `dataDir` keeps data across restarts;
 * without it the database lives in memory (tests). PGlite is one session, so clients must use one connection.
 */
export async function startEmbeddedDatabase(dataDir?: string): Promise<EmbeddedDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm, pgcrypto } });
  const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 1 });
  await server.start();
  const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
  return {
    url: `postgres://postgres@127.0.0.1:${address.port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
