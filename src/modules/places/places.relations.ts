// The relations of places, declared once for folded reads and batched loads.
import { rowShape } from "../../graphql/rows";
import { relationsOf } from "../../graphql/relations";
import { Sql } from "../../graphql/sql";
import { Place } from "./place.entity";

const placeColumns = (db: Parameters<typeof rowShape>[0]) => rowShape(db, Place).select("p");

export const placeRelations = relationsOf("Place", {
  parent: {
    kind: "one", target: () => Place, parentKey: { column: "parent_id", property: "parentId" },
    from: (ctx) => Sql.raw(`SELECT ${placeColumns(ctx.app.db)}, p.id AS __parent FROM place p`),
  },
  children: {
    kind: "many", target: () => Place, orderBy: ["name", "id"],
    from: (ctx) => Sql.raw(`SELECT ${placeColumns(ctx.app.db)}, p.parent_id AS __parent FROM place p`),
  },
});
