// What funds add to impact: agreement holders as organisation sets (fundIds with FUND groups, cohortIds) and the money
// part of the region summary, summed from the ledger's postings for agreements with organisations in the places.
import type { DataSource } from "typeorm";
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { Sql, sql } from "../../graphql/sql";
import type { Context } from "../../graphql/context";
import { IdListField } from "../../graphql/input-fields";
import { Money, money } from "../../graphql/scalars";
import { organisationsApi } from "../organisations/organisations.api";
import { ImpactGroup, ImpactOrganisationSet, RegionFigureSource } from "../impact/impact.api";
import { fundAccess } from "./access";
import { Fund } from "./rounds/fund.entity";

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

@ObjectType({ description: "Pay-it-forward money with organisations registered in the places, from the ledger (never from copies)." })
export class FundingRegionFigures {
  @Field(() => Int, { description: "Organisations awarded an agreement in the period." }) organisationsFunded: number;
  @Field(() => Money, { description: "Agreements awarded in the period, their whole amounts." }) awarded: Money;
  @Field(() => Money) disbursed: Money;
  @Field(() => Money) repaidCash: Money;
  @Field(() => Money, { description: "Accepted social repayments: repaid in costed social value." }) repaidSocial: Money;
  @Field(() => Money) writtenOff: Money;
  @Field(() => Money, { description: "Disbursed in the period from pounds repaid before: money recycled." }) recycled: Money;
}

export const fundingRegionFigures: RegionFigureSource = {
  name: "funding",
  field: Field(() => FundingRegionFigures, { nullable: true, description: "Null for partner keys without read:funds." }),
  async figures(db: DataSource, placeIds: string[], from: string, to: string, viewer) {
    if (!fundAccess.readFunds(viewer)) return null as unknown as object;
    const { text, values } = sql`
      WITH ag AS (SELECT a.* FROM agreement a JOIN (${organisationsApi.rowsSql(db)}) o ON o.id = a.organisation_id
                   WHERE o.registered_place_id = ANY(${placeIds}::uuid[])),
           flows AS (SELECT g.kind, sum(p.pence)::bigint AS pence FROM ag
                       JOIN ledger_group g ON g.agreement_id = ag.id AND g.occurred_on BETWEEN ${from}::date AND ${to}::date
                       JOIN ledger_posting p ON p.group_id = g.id JOIN ledger_account acc ON acc.id = p.account_id AND acc.kind = 'RECEIVABLE'
                      GROUP BY g.kind)
      SELECT (SELECT count(DISTINCT organisation_id)::int FROM ag WHERE awarded_on BETWEEN ${from}::date AND ${to}::date) AS funded,
             (SELECT coalesce(sum(amount_pence), 0)::bigint FROM ag WHERE awarded_on BETWEEN ${from}::date AND ${to}::date) AS awarded,
             (SELECT coalesce(sum(al.pence), 0)::bigint FROM ag JOIN fund_allocation al ON al.agreement_id = ag.id
                JOIN fund_lot l ON l.id = al.lot_id JOIN ledger_group g ON g.id = al.ledger_group_id
               WHERE l.generation > 1 AND g.occurred_on BETWEEN ${from}::date AND ${to}::date) AS recycled,
             coalesce((SELECT json_object_agg(kind, pence) FROM flows), '{}') AS flows`.toQuery();
    const [row] = await db.query(text, values);
    const flow = (k: string) => money(Number(row.flows[k] ?? 0));
    return Object.assign(new FundingRegionFigures(), {
      organisationsFunded: row.funded, awarded: money(Number(row.awarded)), disbursed: flow("DISBURSEMENT"), repaidCash: flow("CASH_REPAYMENT"),
      repaidSocial: flow("SOCIAL_REPAYMENT"), writtenOff: flow("WRITE_OFF"), recycled: money(Number(row.recycled)),
    });
  },
};
