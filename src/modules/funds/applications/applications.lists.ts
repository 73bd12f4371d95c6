// The applications list: keyset-paged, filtered, and limited to what the viewer may see.
import type { DataSource } from "typeorm";
import { isAdmin, Viewer } from "../../../auth/viewer";
import { ConnectionResult, PageArgs, paginate } from "../../../graphql/connection";
import { clustersApi } from "../../clusters/clusters.api";
import { applyFilter } from "../funds.filters";
import { ApplicationStatus } from "../funds.enums";
import { FundingApplication } from "./application.entity";
import { ApplicationFilter } from "./applications.inputs";

/** Rounds whose peer panel the user sits on: their panel sees the rounds' submitted applications. */
export async function roundsOnPanelsOf(db: DataSource, userId: string | null): Promise<string[]> {
  if (!userId) return [];
  const panels = await clustersApi.panelsOf(db, userId);
  if (!panels.length) return [];
  const rounds: { id: string }[] = await db.query("SELECT id FROM fund_round WHERE panel_id = ANY($1)", [panels]);
  return rounds.map((r) => r.id);
}

export async function listApplications(db: DataSource, viewer: Viewer, args: PageArgs, filter: ApplicationFilter): Promise<ConnectionResult<FundingApplication>> {
  const qb = db.getRepository(FundingApplication).createQueryBuilder("p");
  if (!isAdmin(viewer)) {
    qb.andWhere("(p.organisation_id = ANY(:mine) OR (p.status <> :draft AND p.round_id = ANY(:panelRounds)))", {
      mine: [...viewer.memberships.keys()], draft: ApplicationStatus.DRAFT, panelRounds: await roundsOnPanelsOf(db, viewer.userId),
    });
  }
  await applyFilter(db, qb, "p", filter);
  return paginate(qb, { name: "UPDATED_AT", keys: ["p.updated_at", "p.id"], direction: "ASC" }, args);
}
