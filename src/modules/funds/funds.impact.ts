// What funds add to impact: agreement holders as organisation sets (fundIds with FUND groups, cohortIds) and the money
// part of the region summary: the period figures of ledger/flows.ts for agreements with organisations in the places.
import type { DataSource } from "typeorm";
import { Ctx, Field, FieldResolver, Resolver, Root } from "type-graphql";
import { Sql, sql } from "../../graphql/sql";
import type { Context } from "../../graphql/context";
import { IdListField } from "../../graphql/input-fields";
import { money } from "../../graphql/scalars";
import { organisationsApi } from "../organisations/organisations.api";
import { ImpactGroup, ImpactOrganisationSet, RegionFigureSource } from "../impact/impact.api";
import { fundAccess } from "./access";
import { Fund } from "./rounds/fund.entity";
import { flowSumsSql, flowsSql } from "./ledger/flows";
import { toPeriodFigures } from "./ledger/figures";
import { FundingFigures } from "./summary/funding-summary.types";

export const fundHolders: ImpactOrganisationSet = {
  filter: "fundIds", groupBy: "FUND",
  field: IdListField("Fund", { max: 50, nullable: true, description: "Organisations holding an agreement with any of these funds." }),
  members: () => Sql.raw("SELECT DISTINCT organisation_id, fund_id AS key FROM agreement"),
};

export const cohortHolders: ImpactOrganisationSet = {
  filter: "cohortIds",
  field: IdListField("FundRound", { max: 50, nullable: true, description: "Organisations holding an agreement from any of these rounds (cohorts)." }),
  members: () => Sql.raw("SELECT DISTINCT organisation_id, round_id AS key FROM agreement WHERE round_id IS NOT NULL"),
};

@Resolver(() => ImpactGroup)
export class ImpactGroupFundResolver {
  @FieldResolver(() => Fund, { nullable: true, description: "When grouped by FUND: the fund its organisations hold agreements with." })
  async fund(@Root() g: ImpactGroup, @Ctx() ctx: Context): Promise<Fund | null> {
    return g.keys.FUND && fundAccess.readFunds(ctx.viewer) ? ctx.loaders.fundById.load(g.keys.FUND) : null;
  }
}

export const fundingRegionFigures: RegionFigureSource = {
  name: "funding",
  field: Field(() => FundingFigures, { nullable: true, description: "Null for partner keys without read:funds." }),
  async figures(db: DataSource, placeIds: string[], from: string, to: string, viewer) {
    if (!fundAccess.readFunds(viewer)) return null as unknown as object;
    // The period is bound once, in `asked`, and read by the flows as scalar subqueries.
    const { text, values } = sql`
      WITH asked AS (SELECT ${from}::date AS from_day, ${to}::date AS to_day)
      SELECT count(DISTINCT ag.organisation_id) FILTER (WHERE f.figure = 'awarded')::int AS funded, ${Sql.raw(flowSumsSql("f"))}
        FROM (${Sql.raw(flowsSql({ from: "(SELECT from_day FROM asked)", to: "(SELECT to_day FROM asked)", fundIds: null }))}) f
        JOIN agreement ag ON ag.id = f.agreement_id
        JOIN (${organisationsApi.rowsSql(db)}) o ON o.id = ag.organisation_id
       WHERE o.registered_place_id = ANY(${placeIds}::uuid[])`.toQuery();
    const [row] = await db.query(text, values);
    const p = toPeriodFigures(row);
    return Object.assign(new FundingFigures(), {
      organisationsFunded: row.funded, awarded: money(p.awardedPence), disbursed: money(p.disbursedPence), repaidCash: money(p.repaidCashPence),
      repaidSocial: money(p.repaidSocialPence), writtenOff: money(p.writtenOffPence), recycled: money(p.recycledPence),
    });
  },
};
