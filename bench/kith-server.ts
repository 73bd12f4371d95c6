// kith as `npm start` runs it (config from the environment, migrations, no demo data in production), but listening on
// 127.0.0.1 only: the benchmark's server process. Prints "kith listening on <port>" for the harness.
import "reflect-metadata";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../src/config";
import { createLogger } from "../src/log";
import { startKith } from "../src/app";

async function main(): Promise<void> {
  const config = loadConfig();
  const kith = await startKith(config, createLogger(config.logLevel));
  // kith.listen() binds every interface; the benchmark never exposes a server beyond this machine.
  const http = createServer((req, res) => void kith.handler(req, res));
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(config.port, "127.0.0.1", resolve);
  });
  console.log(`kith listening on ${(http.address() as AddressInfo).port}`);
  const stop = () => {
    http.close();
    http.closeAllConnections();
    kith.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e) => {
  console.error("kith failed to start:", e instanceof Error ? e.message : e);
  process.exit(1);
});
