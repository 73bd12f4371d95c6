// The relations of funds and agreements (and Organisation.agreements, led or as a partner), declared once for folded reads and batched
// loads: agreements within the viewer's scope (access.ts), and figures and balances summed from the ledger in SQL.
import type { Context } from "../../graphql/context";
import { Ordering } from "../../graphql/connection";
import { rowShape } from "../../graphql/rows";
import { relationsOf } from "../../graphql/relations";
import { Sql, sql } from "../../graphql/sql";
import { organisationsApi } from "../organisations/organisations.api";
import { agreementAccess } from "./access";
import { Agreement } from "./agreements/agreement.entity";
import { Organisation } from "../organisations/organisation.entity";
import { Fund } from "./rounds/fund.entity";
import { FundRound } from "./rounds/round.entity";
import { AGREEMENT_BALANCES_SQL, FUND_FIGURES_SQL } from "./ledger/figures";

type Db = Parameters<typeof rowShape>[0];
const columns = (db: Db, entity: abstract new () => object, alias: string) => rowShape(db, entity).select(alias);
const NEWEST_AWARD_FIRST: Ordering = { name: "AWARDED_ON", keys: ["awarded_on", "id"], direction: "DESC" };

/** The agreements under a parent (`parentColumn`: fund_id or organisation_id) that the viewer may read. */
const agreementsUnder = (parentColumn: "fund_id" | "organisation_id") => ({
  kind: "page" as const, target: () => Agreement, ordering: NEWEST_AWARD_FIRST,
  from: (ctx: Context) =>
    sql`SELECT ${Sql.raw(columns(ctx.app.db, Agreement, "a"))}, ${Sql.raw(`a.${parentColumn}`)} AS __parent FROM agreement a
        WHERE ${agreementAccess.condition(ctx.viewer, "a")}`,
});

export const organisationAgreementRelations = relationsOf("Organisation", {
  agreements: {
    // An organisation's agreements are those it leads and those it is a consenting partner in.
    kind: "page", target: () => Agreement, ordering: NEWEST_AWARD_FIRST,
    from: (ctx: Context) => {
      const cols = Sql.raw(columns(ctx.app.db, Agreement, "a"));
      return sql`SELECT ${cols}, a.organisation_id AS __parent FROM agreement a WHERE ${agreementAccess.condition(ctx.viewer, "a")}
        UNION ALL
        SELECT ${cols}, ap.organisation_id AS __parent FROM agreement a
          JOIN funding_application_partner ap ON ap.application_id = a.application_id AND ap.consent = 'CONSENTED'
         WHERE ${agreementAccess.condition(ctx.viewer, "a")}`;
    },
    // Null, not an empty page, for an organisation whose agreements the viewer may not read.
    visible: (ctx, o) => agreementAccess.allows(ctx.viewer, (o as { id: string }).id),
  },
});

export const fundRelations = relationsOf("Fund", {
  agreements: agreementsUnder("fund_id"),
  figures: {
    kind: "one", from: () => Sql.raw(FUND_FIGURES_SQL),
    backs: ["contributed", "awarded", "disbursed", "repaidCash", "repaidSocial", "writtenOff", "recycled", "available", "held"],
  },
});

export const agreementRelations = relationsOf("Agreement", {
  organisation: organisationsApi.asRelation({ column: "organisation_id", property: "organisationId" }),
  fund: {
    kind: "one", target: () => Fund, parentKey: { column: "fund_id", property: "fundId" },
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, Fund, "f")}, f.id AS __parent FROM fund f`),
  },
  round: {
    kind: "one", target: () => FundRound, parentKey: { column: "round_id", property: "roundId" },
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, FundRound, "r")}, r.id AS __parent FROM fund_round r`),
  },
  partners: {
    // The partners of the collective application the agreement was made from (fixed once it was submitted).
    kind: "many", target: () => Organisation, orderBy: ["name", "id"],
    from: (ctx) => sql`SELECT o.*, a.id AS __parent FROM agreement a
      JOIN funding_application_partner ap ON ap.application_id = a.application_id AND ap.consent = 'CONSENTED'
      JOIN (${organisationsApi.rowsSql(ctx.app.db)}) o ON o.id = ap.organisation_id`,
  },
  balance: {
    kind: "one", from: () => Sql.raw(AGREEMENT_BALANCES_SQL),
    backs: ["disbursed", "undisbursed", "repaidCash", "repaidSocial", "writtenOff", "outstanding", "cashOutstanding", "socialOutstanding"],
  },
});
