// The scale generator's part: one asset per 20 organisations, in the boroughs the organisations are registered in;
// one in four has a transfer case moved through the transfers service to a stage, one in ten is listed (half of those
// with an owner's notice) through the ACV service, so stage histories, holders and clocks are what real use writes.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { Role } from "../../auth/roles";
import { insertMany, must, pick, seededRandom } from "../../demo/seeding";
import { addDays } from "../../kit/calendar";
import { organisationsApi } from "../organisations/organisations.api";
import { AssetKind, Tenure, TransferStage } from "./assets.enums";
import { TransfersService } from "./transfers/transfers.service";
import { AcvService } from "./acv/acv.service";
import { communityBodyProblem } from "./acv/community-body";

const ORGANISATIONS_PER_ASSET = 20;
const KINDS = Object.values(AssetKind);
const STAGE_PATH = [TransferStage.BUSINESS_CASE, TransferStage.DUE_DILIGENCE, TransferStage.HEADS_OF_TERMS, TransferStage.COMPLETED, TransferStage.HANDED_OVER];
/** The generated story happens in 2024 and 2025; the services are told it is the first day of 2026. */
const STARTED_ON = "2024-01-08";
const TODAY = () => "2026-01-01";

export async function generateScaleAssets(m: EntityManager, count: number, seed: number): Promise<number> {
  const rnd = seededRandom(seed + 3);
  const organisations = (await organisationsApi.listActive(m)).filter((o) => o.registeredPlaceId);
  if (!organisations.length) return 0;
  const bodies = organisations.filter((o) => !communityBodyProblem(o));
  const wanted = Math.ceil(count / ORGANISATIONS_PER_ASSET);
  // Numbered after what exists, so names stay unique when the generator runs again.
  const [{ existing }] = await m.query("SELECT count(*)::int AS existing FROM asset");
  const rows = Array.from({ length: wanted }, (_, n) => {
    const near = pick(rnd, organisations);
    return [`Generated asset ${seed}-${existing + n + 1}`, KINDS[n % KINDS.length], near.registeredPlaceId, "PUBLIC_BODY", "Generated public body"];
  });
  const ids = await insertMany(m, "asset", ["name", "kind", "place_id", "owner_kind", "public_body_owner"], rows, { returningIds: true });
  const admin: Actor = { viewer: { userId: null, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null }, requestId: "scale" };
  const transfers = new TransfersService(m, TODAY);
  const acv = new AcvService(m, TODAY);
  for (const [n, assetId] of ids.entries()) {
    if (n % 4 === 0) {
      const tenure = pick(rnd, [Tenure.LEASE, Tenure.LEASE, Tenure.FREEHOLD, Tenure.LICENCE]);
      const marketValuePence = 1_000_000 * (5 + Math.floor(rnd() * 95));
      let { transfer } = must(await transfers.start(admin, {
        assetId, toOrganisationId: pick(rnd, organisations).id, startedOn: STARTED_ON, tenure, leaseTermYears: tenure === Tenure.LEASE ? pick(rnd, [25, 99, 125]) : null,
        marketValuePence, considerationPence: Math.floor(marketValuePence * rnd() * 0.2),
      }));
      const withdrawn = rnd() < 0.1;
      const route = withdrawn ? [TransferStage.WITHDRAWN] : STAGE_PATH.slice(0, Math.floor(rnd() * (STAGE_PATH.length + 1)));
      for (const [i, stage] of route.entries()) {
        transfer = must(await transfers.move(admin, transfer.id, { expectedVersion: transfer.version, stage, on: addDays(STARTED_ON, 60 * (i + 1)) })).transfer;
      }
    }
    if (n % 10 === 5 && bodies.length) {
      const nominated = must(await acv.nominate(admin, { assetId, organisationId: pick(rnd, bodies).id, nominatedOn: "2024-03-01", reason: "Generated for load testing." })).listing;
      const { listing } = must(await acv.decide(admin, nominated.id, { expectedVersion: nominated.version, list: true, decidedOn: "2024-04-01" }));
      if (rnd() < 0.5) must(await acv.notifyDisposal(admin, listing.id, { expectedVersion: listing.version, noticeOn: addDays("2025-06-01", Math.floor(rnd() * 180)) }));
    }
  }
  return wanted;
}
