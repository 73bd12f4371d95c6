// The nomination lifecycle: the council lists a nominated asset or decides not to; either decision is final (a new
// nomination starts again). Listing computes the five years and records acv.listed.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { applyMove, Lifecycle } from "../../../kit/lifecycle";
import { AcvListingStatus as S } from "../assets.enums";
import { assetEvents } from "../assets.events";
import { listingExpiresOn } from "./acv-clock";
import { AcvListing } from "./listing.entity";

const LISTING_LIFECYCLE: Lifecycle<S> = {
  noun: "A nomination", entityType: "AcvListing", auditAs: "acv",
  moves: { NOMINATED: [S.LISTED, S.NOT_LISTED], LISTED: [], NOT_LISTED: [] },
};

/** Records the council's decision on `decidedOn`: listed from that day for five years, or not listed. */
export async function decideNomination(
  m: EntityManager, actor: Actor, listing: AcvListing, list: boolean, decidedOn: string, reason: string | null,
): Promise<AcvListing> {
  if (!list) return applyMove(m, actor, LISTING_LIFECYCLE, listing, S.NOT_LISTED, { decidedOn, decisionReason: reason });
  const listed = await applyMove(m, actor, LISTING_LIFECYCLE, listing, S.LISTED,
    { decidedOn, decisionReason: reason, listedOn: decidedOn, expiresOn: listingExpiresOn(decidedOn) });
  await assetEvents.acvListed(m, actor, { listingId: listed.id, assetId: listed.assetId, listedOn: listed.listedOn!, expiresOn: listed.expiresOn! });
  return listed;
}
