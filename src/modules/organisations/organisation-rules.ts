// Checks shared by create and update: text sizes, governance, trading share, website, places and identifiers.
import type { EntityManager } from "typeorm";
import { placesApi } from "../places/places.api";
import type { GovernanceInput } from "./organisations.inputs";
import { parseIdentifier, schemeMismatch } from "./identifiers";
import type { LegalForm } from "./organisation.enums";
import { InputChecks } from "../../kit/input-checks";
import { londonDate } from "../../kit/calendar";

export const LIMITS = { name: 200, description: 5000, website: 500 };

export function checkWebsite(c: InputChecks, website: string | null | undefined): string | null | undefined {
  const w = c.text("website", website, { max: LIMITS.website });
  if (w && !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(w)) c.add("website", "INVALID_URL", "Give the website as a full address starting http:// or https://.");
  return w;
}

export function checkGovernance(c: InputChecks, g: GovernanceInput, boardSizeNow: number | null = null): void {
  c.int("governance.boardSize", g.boardSize, 0, 1000);
  c.int("governance.communityBoardMembers", g.communityBoardMembers, 0, 1000);
  c.int("governance.membershipSize", g.membershipSize, 0, 10_000_000);
  const board = g.boardSize === undefined ? boardSizeNow : g.boardSize;
  if (g.communityBoardMembers != null && (board == null || g.communityBoardMembers > board)) {
    c.add("governance.communityBoardMembers", "MORE_THAN_BOARD", "Community board members cannot outnumber the board; give the board size too.");
  }
}

export function checkFoundedOn(c: InputChecks, foundedOn: string | null | undefined, today = londonDate()): void {
  if (foundedOn && foundedOn > today) c.add("foundedOn", "IN_FUTURE", "The founding date cannot be in the future.");
}

/** Checks the places exist (registered place and places served); returns them with repeats removed, or adds errors. */
export async function checkPlaces(
  c: InputChecks, m: EntityManager, registered: string | null | undefined, served: string[] | null | undefined,
): Promise<{ registeredPlaceId: string | null | undefined; servedIds: string[] | undefined }> {
  const found = await placesApi.existing(m, [...(registered ? [registered] : []), ...(served ?? [])]);
  if (registered && !found.has(registered)) c.add("registeredPlaceId", "UNKNOWN_PLACE", "No place has that ID.");
  served?.forEach((k, i) => {
    if (!found.has(k)) c.add(`placesServedIds.${i}`, "UNKNOWN_PLACE", "No place has that ID.");
  });
  return { registeredPlaceId: registered, servedIds: served ? [...new Set(served)] : undefined };
}

/**
 * Parses identifiers, refusing bad formats, schemes whose register does not hold the legal form, repeats within the
 * input, and ones another organisation holds.
 */
export async function checkIdentifiers(
  c: InputChecks, m: EntityManager, raw: string[], field: (i: number) => string, organisationId: string | null, legalForm: LegalForm,
): Promise<{ scheme: string; value: string }[]> {
  const parsed: { scheme: string; value: string; i: number }[] = [];
  raw.forEach((r, i) => {
    const p = parseIdentifier(r);
    const mismatch = "error" in p ? null : schemeMismatch(p.scheme, legalForm);
    if ("error" in p) c.add(field(i), "INVALID_IDENTIFIER", p.error);
    else if (mismatch) c.add(field(i), "IDENTIFIER_DOES_NOT_FIT_LEGAL_FORM", mismatch);
    else if (parsed.some((x) => x.value === p.value)) c.add(field(i), "DUPLICATE_IDENTIFIER", "This identifier is listed twice.");
    else parsed.push({ ...p, i });
  });
  if (parsed.length) {
    const taken: { value: string; organisation_id: string }[] = await m.query(
      "SELECT value, organisation_id FROM organisation_identifier WHERE value = ANY($1)", [parsed.map((p) => p.value)],
    );
    for (const t of taken) {
      const p = parsed.find((x) => x.value === t.value)!;
      // The field says which identifier; the message never repeats it (errors do not echo input).
      c.add(field(p.i), "IDENTIFIER_TAKEN", t.organisation_id === organisationId
        ? "This identifier is already on this organisation."
        : "That identifier already belongs to another organisation in the register.");
    }
  }
  return parsed.map(({ scheme, value }) => ({ scheme, value }));
}

/** A change of legal form must still fit every identifier the organisation holds. */
export function checkIdentifiersFit(c: InputChecks, held: { scheme: string }[], legalForm: LegalForm): void {
  for (const { scheme } of held) {
    const mismatch = schemeMismatch(scheme, legalForm);
    if (mismatch) c.add("legalForm", "IDENTIFIER_DOES_NOT_FIT_LEGAL_FORM", `${mismatch} Remove that identifier first.`);
  }
}
