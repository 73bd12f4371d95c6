// Assets of Community Value: nominations and the council's decisions, owners' notices of intended disposal, community
// groups' intents to bid, and disposals. Every date comes from acv-clock.ts; what the law refuses is refused here.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { inTransaction } from "../../../db/transaction";
import { InputChecks } from "../../../kit/input-checks";
import { ActRule, allowedFirst, lockRecord, requireVersion, saveChange } from "../../../kit/records";
import { notAllowed, refusal, refuse, refuseAll, Result } from "../../../kit/refusals";
import { londonDate } from "../../../kit/calendar";
import { organisationsApi } from "../../organisations/organisations.api";
import { acvAccess, mayActAtAll } from "../access";
import { AcvExemption, AcvListingStatus } from "../assets.enums";
import { assetEvents } from "../assets.events";
import { Asset } from "../register/asset.entity";
import { AcvListing } from "./listing.entity";
import { AcvDisposal, AcvDisposalNotice, AcvIntentToBid } from "./notice.entity";
import { decideNomination } from "./listing.transitions";
import { communityBodyProblem } from "./community-body";
import {
  ClockRefusal, disposalProblem, fullMoratoriumEndsOn, intentProblem, moratoriumEndsOn, noticeDates, noticeInForce, noticeProblem,
} from "./acv-clock";

export type ListingResult = Result<{ listing: AcvListing }>;

const TEXT_LIMIT = 5000;

export interface Nomination {
  assetId: string;
  organisationId: string;
  nominatedOn?: string | null;
  reason: string;
}

export interface Decision {
  expectedVersion: number;
  list: boolean;
  decidedOn?: string | null;
  reason?: string | null;
}

export interface Disposal {
  expectedVersion: number;
  disposedOn: string;
  exemption?: AcvExemption | null;
  reason: string;
  buyerOrganisationId?: string | null;
}

const ownerSideOnly = (what: string) => notAllowed(`Only those acting for the asset's owner (ADMIN for a public body) may ${what}.`);

/** The owner's side of a listing, asked before anything is locked (kit/records `allowedFirst`). */
const ownerSide = (what: string): ActRule<AcvListing> => ({
  allows: async (m, actor, listing) => acvAccess.ownerActs(actor.viewer, await m.findOneByOrFail(Asset, { id: listing.assetId })),
  refusal: ownerSideOnly(what).message,
});
const LISTING = { noun: "listing", field: "listingId" };

/** A clock refusal on the input field that set the day. */
const onField = (field: string, r: ClockRefusal) => refusal(field, r.code, r.message);

/** The organisation, if it is an eligible community body (otherwise a field error). */
async function checkCommunityBody(c: InputChecks, m: EntityManager, field: string, organisationId: string): Promise<void> {
  const organisation = (await organisationsApi.byIds(m, [organisationId])).get(organisationId);
  if (!organisation) {
    c.add(field, "NOT_FOUND", "No organisation has that ID.");
    return;
  }
  const problem = communityBodyProblem(organisation);
  if (problem) c.add(field, "NOT_COMMUNITY_BODY", problem);
}

export class AcvService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  /** A community body nominates an asset; the council decides (decide). */
  async nominate(actor: Actor, input: Nomination): Promise<ListingResult> {
    if (!acvAccess.actFor(actor.viewer, input.organisationId)) {
      return { errors: [notAllowed("Nominate for a community body you own or edit (ADMIN for any).")] };
    }
    return inTransaction(this.db, async (m) => {
      // The asset's row serialises nominations of one asset.
      const asset = await lockRecord(m, Asset, input.assetId, { noun: "asset", field: "assetId" });
      const c = new InputChecks();
      const nominatedOn = input.nominatedOn ?? this.today();
      c.pastDay("nominatedOn", nominatedOn, this.today());
      const reason = c.text("reason", input.reason, { max: TEXT_LIMIT, required: true });
      await checkCommunityBody(c, m, "organisationId", input.organisationId);
      if (!c.ok) refuseAll(c.errors);
      const [pending] = await m.query(
        `SELECT status, expires_on::text FROM acv_listing WHERE asset_id = $1
          AND (status = $2 OR (status = $3 AND expires_on >= $4)) LIMIT 1`,
        [asset.id, AcvListingStatus.NOMINATED, AcvListingStatus.LISTED, nominatedOn],
      );
      if (pending?.status === AcvListingStatus.NOMINATED) refuse("assetId", "ALREADY_NOMINATED", "This asset is already nominated and waits for the council's decision.");
      if (pending) refuse("assetId", "ALREADY_LISTED", `This asset is listed until ${pending.expires_on}; it can be nominated again once that listing ends.`);
      const listing = await m.save(m.create(AcvListing, { assetId: asset.id, nominatedById: input.organisationId, nominatedOn, nominationReason: reason! }));
      await audit.record(m, actor, {
        action: "acv.nominate", entityType: "AcvListing", entityId: listing.id,
        after: { assetId: asset.id, nominatedById: input.organisationId, nominatedOn, nominationReason: reason },
      });
      return { listing };
    });
  }

  /** The council's decision, recorded by network staff: listed from the day of the decision, or not listed. */
  async decide(actor: Actor, listingId: string, input: Decision): Promise<ListingResult> {
    if (!acvAccess.decide(actor.viewer)) return { errors: [notAllowed("Network staff (ADMIN) record the council's decision on a nomination.")] };
    return inTransaction(this.db, async (m) => {
      const listing = await this.lockListing(m, listingId, input.expectedVersion);
      const c = new InputChecks();
      const decidedOn = input.decidedOn ?? this.today();
      c.pastDay("decidedOn", decidedOn, this.today());
      if (decidedOn < listing.nominatedOn) c.add("decidedOn", "BEFORE_NOMINATION", `The nomination was made on ${listing.nominatedOn}; the decision cannot come before it.`);
      const reason = c.text("reason", input.reason, { max: TEXT_LIMIT }) ?? null;
      if (!c.ok) refuseAll(c.errors);
      return { listing: await decideNomination(m, actor, listing, input.list, decidedOn, reason) };
    });
  }

  /** The owner's notice of intended disposal starts the interim moratorium and the protected period. */
  async notifyDisposal(actor: Actor, listingId: string, input: { expectedVersion: number; noticeOn?: string | null }): Promise<ListingResult> {
    if (!mayActAtAll(actor.viewer)) return { errors: [ownerSideOnly("give notice of disposal")] };
    return inTransaction(this.db, async (m) => {
      await allowedFirst(m, actor, AcvListing, listingId, ownerSide("give notice of disposal"), LISTING);
      const listing = await this.lockListing(m, listingId, input.expectedVersion);
      const noticeOn = input.noticeOn ?? this.today();
      const c = new InputChecks();
      c.pastDay("noticeOn", noticeOn, this.today());
      if (!c.ok) refuseAll(c.errors);
      const problem = noticeProblem(listing, await this.noticesOf(m, listing.id), noticeOn);
      if (problem) refuseAll([onField("noticeOn", problem)]);
      const notice = await m.save(m.create(AcvDisposalNotice, { listingId, noticeOn, ...noticeDates(noticeOn), recordedBy: actor.viewer.userId }));
      await saveChange(m, actor, listing, { action: "acv.notice", after: { noticeId: notice.id, noticeOn, interimEndsOn: notice.interimEndsOn, protectedUntil: notice.protectedUntil } });
      await assetEvents.acvDisposalNotified(m, actor, {
        listingId, assetId: listing.assetId, noticeOn, interimEndsOn: notice.interimEndsOn, protectedUntil: notice.protectedUntil,
      });
      return { listing };
    });
  }

  /**
   * A community interest group asks to be treated as a potential bidder, within the interim moratorium of the notice in
   * force; the first such request makes the moratorium a full one (six months beginning with the notice).
   */
  async registerIntentToBid(actor: Actor, listingId: string, input: { organisationId: string; requestedOn?: string | null }): Promise<ListingResult> {
    if (!acvAccess.actFor(actor.viewer, input.organisationId)) {
      return { errors: [notAllowed("Register intent to bid for a community body you own or edit (ADMIN for any).")] };
    }
    return inTransaction(this.db, async (m) => {
      const listing = await lockRecord(m, AcvListing, listingId, { noun: "listing", field: "listingId" });
      const requestedOn = input.requestedOn ?? this.today();
      const c = new InputChecks();
      c.pastDay("requestedOn", requestedOn, this.today());
      await checkCommunityBody(c, m, "organisationId", input.organisationId);
      if (!c.ok) refuseAll(c.errors);
      const notice = noticeInForce(await this.noticesOf(m, listing.id), requestedOn);
      if (!notice) refuse("requestedOn", "NO_NOTICE", "The owner has given no notice of disposal by that day: there is nothing to bid for yet.");
      const problem = intentProblem(notice, requestedOn);
      if (problem) refuseAll([onField("requestedOn", problem)]);
      const [already] = await m.query("SELECT 1 FROM acv_intent_to_bid WHERE notice_id = $1 AND organisation_id = $2", [notice.id, input.organisationId]);
      if (already) refuse("organisationId", "ALREADY_REGISTERED", "That organisation has already registered intent to bid against this notice.");
      const intent = await m.save(m.create(AcvIntentToBid, { noticeId: notice.id, organisationId: input.organisationId, requestedOn, recordedBy: actor.viewer.userId }));
      if (!notice.fullEndsOn) {
        notice.fullEndsOn = fullMoratoriumEndsOn(notice.noticeOn);
        await m.update(AcvDisposalNotice, { id: notice.id }, { fullEndsOn: notice.fullEndsOn });
      }
      await saveChange(m, actor, listing, {
        action: "acv.intentToBid", after: { intentId: intent.id, noticeId: notice.id, organisationId: input.organisationId, requestedOn, moratoriumEndsOn: moratoriumEndsOn(notice) },
      });
      await assetEvents.acvIntentToBid(m, actor, {
        listingId, assetId: listing.assetId, organisationId: input.organisationId, requestedOn, moratoriumEndsOn: moratoriumEndsOn(notice),
      });
      return { listing };
    });
  }

  /**
   * A disposal of the listed asset: an exempt one (with its exemption and reason) at any time it is listed; a relevant
   * one only after the moratorium, or during it to a community group that registered intent to bid.
   */
  async recordDisposal(actor: Actor, listingId: string, input: Disposal): Promise<ListingResult> {
    if (!mayActAtAll(actor.viewer)) return { errors: [ownerSideOnly("record a disposal")] };
    return inTransaction(this.db, async (m) => {
      await allowedFirst(m, actor, AcvListing, listingId, ownerSide("record a disposal"), LISTING);
      const listing = await this.lockListing(m, listingId, input.expectedVersion);
      const c = new InputChecks();
      c.pastDay("disposedOn", input.disposedOn, this.today());
      const reason = c.text("reason", input.reason, { max: 2000, required: true });
      const buyer = input.buyerOrganisationId ?? null;
      if (buyer && !(await organisationsApi.byIds(m, [buyer])).has(buyer)) c.add("buyerOrganisationId", "NOT_FOUND", "No organisation has that ID.");
      if (!c.ok) refuseAll(c.errors);
      const notices = await this.noticesOf(m, listing.id);
      const bidders = async (noticeId: string) => new Set((await m.find(AcvIntentToBid, { where: { noticeId } })).map((i) => i.organisationId));
      const inForce = noticeInForce(notices, input.disposedOn);
      const biddersInForce = inForce ? await bidders(inForce.id) : new Set<string>();
      const problem = disposalProblem(listing, notices, input.disposedOn, () => buyer !== null && biddersInForce.has(buyer));
      // An exempt disposal needs no notice and may happen in a moratorium, but only of a listed asset.
      if (problem && (!input.exemption || problem.code === "NOT_LISTED")) refuseAll([onField("disposedOn", problem)]);
      const disposal = await m.save(m.create(AcvDisposal, {
        listingId, disposedOn: input.disposedOn, exemption: input.exemption ?? null, reason: reason!, buyerOrganisationId: buyer, recordedBy: actor.viewer.userId,
      }));
      await saveChange(m, actor, listing, {
        action: "acv.disposal", after: { disposalId: disposal.id, disposedOn: input.disposedOn, exemption: disposal.exemption, reason, buyerOrganisationId: buyer },
      });
      return { listing };
    });
  }

  private async lockListing(m: EntityManager, listingId: string, expectedVersion: number): Promise<AcvListing> {
    const listing = await lockRecord(m, AcvListing, listingId, { noun: "listing", field: "listingId" });
    requireVersion(listing, expectedVersion, "listing");
    return listing;
  }

  private noticesOf(m: EntityManager, listingId: string): Promise<AcvDisposalNotice[]> {
    return m.find(AcvDisposalNotice, { where: { listingId }, order: { noticeOn: "ASC" } });
  }
}
