// The funds list: every fund by name, keyset-paged (funds are public money; the resolver checks a partner's scope).
import type { DataSource } from "typeorm";
import { ConnectionResult, FoldingRead, Ordering, PageArgs, paginate } from "../../../graphql/connection";
import { Fund } from "./fund.entity";

const FUNDS_BY_NAME: Ordering = { name: "NAME", keys: ["lower(f.name)", "f.id"], direction: "ASC" };

export function listFunds(db: DataSource, args: PageArgs, read?: FoldingRead): Promise<ConnectionResult<Fund>> {
  return paginate(db.getRepository(Fund).createQueryBuilder("f"), FUNDS_BY_NAME, args, read);
}
