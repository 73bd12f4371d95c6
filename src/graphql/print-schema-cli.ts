// `npm run schema`: prints the schema from code into schema.graphql (a test fails when the file is stale).
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { allModules } from "../app";
import { buildKithSchema, printKithSchema } from "./schema";

(async () => {
  writeFileSync("schema.graphql", printKithSchema(await buildKithSchema(allModules)));
  console.log("Wrote schema.graphql");
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
