// The places list: by kind, by parent, by part of the name or the exact GSS code, by name.
import type { DataSource } from "typeorm";
import { InputType } from "type-graphql";
import { ConnectionResult, FoldingRead, Ordering, PageArgs, paginate } from "../../graphql/connection";
import { IdField, ListField, SEARCH_TEXT_LIMIT, TextField } from "../../graphql/input-fields";
import { Place, PlaceKind } from "./place.entity";
import { whereAnyOf } from "../../kit/list-filters";

@InputType()
export class PlaceFilter {
  @ListField(() => PlaceKind, { nullable: true, max: 4 }) kinds?: PlaceKind[];
  @IdField("Place", { nullable: true, description: "Only the direct children of this place." }) parentId?: string;
  @TextField({ nullable: true, max: SEARCH_TEXT_LIMIT, description: "Part of the name or the exact GSS code." }) search?: string;
}

const BY_NAME: Ordering = { name: "name", keys: ["lower(p.name)", "p.id"], direction: "ASC" };

export function listPlaces(db: DataSource, args: PageArgs, f: PlaceFilter, read?: FoldingRead): Promise<ConnectionResult<Place>> {
  const qb = db.getRepository(Place).createQueryBuilder("p");
  whereAnyOf(qb, f.kinds, "p.kind = ANY(:kinds)", { kinds: f.kinds });
  if (f.parentId) qb.andWhere("p.parent_id = :parent", { parent: f.parentId });
  const search = f.search?.trim();
  if (search) {
    qb.andWhere("(p.name ILIKE :pattern ESCAPE '\\' OR p.code = :code)", {
      pattern: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, code: search.toUpperCase(),
    });
  }
  return paginate(qb, BY_NAME, args, read);
}
