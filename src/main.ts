// Start-up: config -> database -> migrations -> demo data -> server; graceful shutdown on SIGTERM/SIGINT.
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { createLogger } from "./log";
import { startKith } from "./app";
import { DEMO_PARTNER_KEY, DEMO_PASSWORD, DEMO_USERS } from "./demo/demo-accounts";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  const kith = await startKith(config, log);
  const port = await kith.listen(config.port);
  const where = config.databaseUrl ? "PostgreSQL from DATABASE_URL" : `embedded PostgreSQL in ${config.dataDir}`;
  console.log(`\nkith is serving http://localhost:${port}/graphql (${where})`);
  if (config.graphiql) console.log(`GraphQL IDE: http://localhost:${port}/graphiql`);
  if (config.loadDemo) {
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const [role, u] of Object.entries(DEMO_USERS)) console.log(`  ${role.padEnd(8)} ${u.email}`);
    console.log(`Demo partner key (every read scope): ${DEMO_PARTNER_KEY}\n`);
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing in-flight requests");
    kith.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err) => {
  console.error("kith failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
