// The relations of housing schemes, declared once for folded reads and batched loads: organisations through
// organisationsApi, the site through assetsApi, homes summed in SQL.
import type { Context } from "../../graphql/context";
import { rowShape } from "../../graphql/rows";
import { relationsOf } from "../../graphql/relations";
import { Sql } from "../../graphql/sql";
import { Place } from "../places/place.entity";
import { organisationsApi } from "../organisations/organisations.api";
import { assetsApi } from "../assets/assets.api";
import { HomesCompletion, SchemeHomes } from "./homes.entity";
import { SchemeStageChange } from "./scheme-stage.entity";

/** Each scheme's homes planned and completed. */
const HOME_TOTALS_SQL = `SELECT h.scheme_id AS __parent, sum(h.planned)::int AS planned, sum(h.completed)::int AS completed
  FROM housing_scheme_homes h GROUP BY h.scheme_id`;

export const schemeRelations = relationsOf("HousingScheme", {
  leadOrganisation: organisationsApi.asRelation({ column: "lead_organisation_id", property: "leadOrganisationId" }),
  partner: organisationsApi.asRelation({ column: "partner_organisation_id", property: "partnerOrganisationId" }),
  site: assetsApi.asRelation({ column: "site_asset_id", property: "siteAssetId" }),
  place: {
    kind: "one", target: () => Place, parentKey: { column: "place_id", property: "placeId" },
    from: (ctx: Context) => Sql.raw(`SELECT ${rowShape(ctx.app.db, Place).select("p")}, p.id AS __parent FROM place p`),
  },
  homes: {
    kind: "many", target: () => SchemeHomes, orderBy: ["tenure", "route"],
    from: () => Sql.raw("SELECT h.*, h.scheme_id AS __parent FROM housing_scheme_homes h"),
  },
  homeTotals: { kind: "one", from: () => Sql.raw(HOME_TOTALS_SQL), backs: ["homesPlanned", "homesCompleted"] },
  completions: {
    kind: "many", target: () => HomesCompletion, orderBy: ["completed_on", "recorded_at"],
    from: () => Sql.raw("SELECT c.*, c.scheme_id AS __parent FROM housing_completion c"),
  },
  stageHistory: {
    kind: "many", target: () => SchemeStageChange, orderBy: ["recorded_at", "id"],
    from: () => Sql.raw("SELECT s.*, s.scheme_id AS __parent FROM housing_scheme_stage s"),
  },
});
