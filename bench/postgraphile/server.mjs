// PostGraphile 5 (amber preset) over the bench schema kith_bench, on Node 22, bound to loopback: the benchmark's
// comparison server. Configured by the harness through DATABASE_URL (a read-only role), PORT and POOL_SIZE.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";

const port = Number(process.env.PORT ?? 0);
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["kith_bench"],
      // The same pool size as kith's data source, so neither server gets more PostgreSQL sessions.
      poolConfig: { max: Number(process.env.POOL_SIZE ?? 10), application_name: "postgraphile" },
      // No subscriptions in the benchmark: no LISTEN client.
      pubsub: false,
    }),
  ],
  grafserv: { graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).catch((e) => {
  console.error(e);
  process.exit(1);
});
server.listen(port, "127.0.0.1", () => {
  // The harness reads this line to learn the port.
  console.log(`postgraphile listening on ${server.address().port}`);
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  pgl.release().then(() => process.exit(0), () => process.exit(1));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
