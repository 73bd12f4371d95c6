// The relations of community decisions, declared once for folded reads and batched loads: the organiser through
// organisationsApi, the area, pitches, the votes as cast (published only once declared), the result, the viewer's own
// registration, and the ballots on a transfer case or a housing scheme.
import type { Context } from "../../graphql/context";
import type { Ordering } from "../../graphql/connection";
import { rowShape } from "../../graphql/rows";
import { relationsOf, RelationSpec } from "../../graphql/relations";
import { Sql, sql } from "../../graphql/sql";
import { Place } from "../places/place.entity";
import { organisationsApi } from "../organisations/organisations.api";
import { DecisionProcess } from "./process.entity";
import { DecisionPitch } from "./pitch.entity";
import { DecisionVote } from "./vote.entity";
import { DecisionResult } from "./result.entity";
import { DecisionProcessKind, DecisionProcessStatus } from "./decisions.enums";
import { VoterRegistration } from "./decisions.types";

type Db = Parameters<typeof rowShape>[0];
const columns = (db: Db, entity: abstract new () => object, alias: string) => rowShape(db, entity).select(alias);
const PITCHES_IN_ORDER: Ordering = { name: "CREATED_AT", keys: ["created_at", "id"], direction: "ASC" };
const VOTES_IN_ORDER: Ordering = { name: "ID", keys: ["id"], direction: "ASC" };

/** The ballots held on a proposal whose id is in `column` (transfer_id or housing_scheme_id), oldest first. */
const ballotsOn = (column: "transfer_id" | "housing_scheme_id"): RelationSpec => ({
  kind: "many", target: () => DecisionProcess, orderBy: ["opens_at", "id"],
  from: (ctx: Context) => sql`SELECT ${Sql.raw(columns(ctx.app.db, DecisionProcess, "d"))}, ${Sql.raw(`d.${column}`)} AS __parent
    FROM decision_process d WHERE d.kind = ${DecisionProcessKind.BALLOT}`,
});

export const processRelations = relationsOf("DecisionProcess", {
  organiser: organisationsApi.asRelation({ column: "organiser_organisation_id", property: "organiserOrganisationId" }),
  area: {
    kind: "one", target: () => Place, parentKey: { column: "area_place_id", property: "areaPlaceId" },
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, Place, "p")}, p.id AS __parent FROM place p`),
  },
  pitches: {
    kind: "page", target: () => DecisionPitch, ordering: PITCHES_IN_ORDER,
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, DecisionPitch, "p")}, p.process_id AS __parent FROM decision_pitch p`),
  },
  // Published once the result is declared, so no running tally shows while people vote.
  votes: {
    kind: "page", target: () => DecisionVote, ordering: VOTES_IN_ORDER,
    from: (ctx) => sql`SELECT ${Sql.raw(columns(ctx.app.db, DecisionVote, "v"))}, v.process_id AS __parent FROM decision_vote v
      WHERE EXISTS (SELECT 1 FROM decision_process d WHERE d.id = v.process_id AND d.status = ${DecisionProcessStatus.DECLARED})`,
  },
  result: {
    kind: "one", target: () => DecisionResult,
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, DecisionResult, "r")}, r.process_id AS __parent FROM decision_result r`),
  },
  // Only ever the viewer's own row; without a signed-in person there is none.
  viewerRegistration: {
    kind: "one",
    from: (ctx) => sql`SELECT v.place_id, v.groups, v.barriers, v.has_voted, v.process_id AS __parent FROM decision_voter v
      WHERE v.user_id = ${ctx.viewer.userId ?? "00000000-0000-0000-0000-000000000000"}`,
    present: (row) => row && Object.assign(new VoterRegistration(), {
      placeId: (row as { place_id: string }).place_id, groups: (row as { groups: string[] }).groups,
      barriers: (row as { barriers: string[] }).barriers, hasVoted: (row as { has_voted: boolean }).has_voted,
    }),
  },
});

export const pitchRelations = relationsOf("DecisionPitch", {
  organisation: organisationsApi.asRelation({ column: "organisation_id", property: "organisationId" }),
  process: {
    kind: "one", target: () => DecisionProcess, parentKey: { column: "process_id", property: "processId" },
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, DecisionProcess, "d")}, d.id AS __parent FROM decision_process d`),
  },
});

export const resultRelations = relationsOf("DecisionResult", {
  process: {
    kind: "one", target: () => DecisionProcess, parentKey: { column: "process_id", property: "processId" },
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, DecisionProcess, "d")}, d.id AS __parent FROM decision_process d`),
  },
});

export const transferBallotRelations = relationsOf("AssetTransfer", { communityBallots: ballotsOn("transfer_id") });
export const schemeBallotRelations = relationsOf("HousingScheme", { communityBallots: ballotsOn("housing_scheme_id") });
