// fundingSummary: runs the summary statement and shapes its rows into the total and the groups, as impactSummary does
// (no small-number suppression: awards are published as open data, and only those who read every agreement ask).
import type { DataSource } from "typeorm";
import { money } from "../../../graphql/scalars";
import { compareGroupKeys, periodOfKeys } from "../../../kit/summary-groups";
import { FundingFigures, FundingGroup, FundingSummary } from "./funding-summary.types";
import { fundingSummarySql, FundingSummaryResult, FundingSummaryRow } from "./funding-summary.sql";

export interface FundingSummaryFilter {
  placeIds?: string[] | null;
  fundIds?: string[] | null;
  from: string;
  to: string;
}

/** The filter field naming a place or fund that does not exist. */
export type UnknownAsked = "placeIds" | "fundIds";

export type FundingSummaryOutcome = { summary: FundingSummary } | { unknown: UnknownAsked };

export async function fundingSummary(db: DataSource, filter: FundingSummaryFilter, groupBy: string[]): Promise<FundingSummaryOutcome> {
  const placeIds = filter.placeIds?.length ? [...new Set(filter.placeIds)] : null;
  const fundIds = filter.fundIds?.length ? [...new Set(filter.fundIds)] : null;
  const dims = [...new Set(groupBy)];
  const { text, values } = fundingSummarySql(db, { placeIds, fundIds, from: filter.from, to: filter.to, groupBy: dims }).toQuery();
  const [result]: FundingSummaryResult[] = await db.query(text, values);
  if (placeIds && result.known_places < placeIds.length) return { unknown: "placeIds" };
  if (fundIds && result.known_funds < fundIds.length) return { unknown: "fundIds" };
  const totalRow = result.rows.find((r) => r.total);
  const groups = (dims.length ? result.rows.filter((r) => !r.total) : []).map((r) => {
    const g = Object.assign(new FundingGroup(), figures(r));
    // The statement writes a missing key (an organisation with no registered place) as '' so that it groups.
    g.keys = Object.fromEntries(dims.map((d, i) => [d, r.keys[i] === "" ? null : r.keys[i]]));
    return Object.assign(g, periodOfKeys(g.keys));
  }).sort((a, b) => compareGroupKeys(dims.map((d) => a.keys[d]), dims.map((d) => b.keys[d])));
  return { summary: Object.assign(new FundingSummary(), { from: filter.from, to: filter.to, total: figures(totalRow), groups }) };
}

function figures(r: FundingSummaryRow | undefined): FundingFigures {
  const n = (k: keyof FundingSummaryRow) => money(Number(r?.[k] ?? 0));
  return Object.assign(new FundingFigures(), {
    organisationsFunded: r?.funded ?? 0, awarded: n("awarded_pence"), disbursed: n("disbursed_pence"), repaidCash: n("repaid_cash_pence"),
    repaidSocial: n("repaid_social_pence"), writtenOff: n("written_off_pence"), recycled: n("recycled_pence"),
  });
}
