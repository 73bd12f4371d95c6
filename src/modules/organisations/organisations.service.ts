// The register's use cases: create, update (with expectedVersion), archive, add and remove identifiers.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../audit/audit";
import { OrganisationRole } from "../../auth/roles";
import { Actor, partnerOf } from "../../auth/viewer";
import { inTransaction, sqlState } from "../../db/transaction";
import { once } from "../../db/idempotency";
import { domainEvents } from "../../events/domain-events";
import { lockForEdit, lockRecord, saveChange } from "../../kit/records";
import { Membership } from "../../auth/membership.entity";
import { organisationAccess } from "./access";
import { Organisation } from "./organisation.entity";
import { OrganisationIdentifier } from "./organisation-identifier.entity";
import { PlaceServed } from "./place-served.entity";
import { OrganisationPartner } from "./organisation-partner.entity";
import { LifecycleStage } from "./organisation.enums";
import type { ArchiveOrganisationInput, CreateOrganisationInput, UpdateOrganisationInput } from "./organisations.inputs";
import { checkFoundedOn, checkGovernance, checkIdentifiers, checkIdentifiersFit, checkPlaces, checkWebsite, LIMITS } from "./organisation-rules";
import { refusal, refuse, refuseAll, Result } from "../../kit/refusals";
import { InputChecks } from "../../kit/input-checks";

export type OrganisationResult = Result<{ organisation: Organisation }>;

const notAllowed = (what: string) => refusal(null, "NOT_ALLOWED", `You are not allowed to ${what}.`);

/** The audited view of an organisation: its own fields plus the places it serves. */
async function snapshot(m: EntityManager, o: Organisation): Promise<Record<string, unknown>> {
  const served: { place_id: string }[] = await m.query(
    "SELECT place_id FROM organisation_place_served WHERE organisation_id = $1 ORDER BY place_id", [o.id],
  );
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...fields } = o;
  return { ...fields, placesServedIds: served.map((s) => s.place_id) };
}

/** Locks the organisation for a change, or refuses NOT_FOUND naming `field`. */
export function lockOrganisation(m: EntityManager, id: string, field = "organisationId"): Promise<Organisation> {
  return lockRecord(m, Organisation, id, { noun: "organisation", field });
}

/** The event partners and other modules follow the register by. */
function changed(m: EntityManager, actor: Actor, organisation: Organisation, type: "organisation.created" | "organisation.updated") {
  return domainEvents.record(m, actor, {
    type, subjectType: "Organisation", subjectId: organisation.id, data: { version: organisation.version, name: organisation.name },
  });
}

/** Turns a unique-index race on identifiers into the same user error the pre-check gives. */
function identifierRace(error: unknown, field: string): never {
  if (sqlState(error) === "23505") {
    refuse(field, "IDENTIFIER_TAKEN", "That identifier already belongs to another organisation in the register.");
  }
  throw error;
}

export class OrganisationsService {
  constructor(private readonly db: DataSource | EntityManager) {}

  async create(actor: Actor, input: CreateOrganisationInput): Promise<OrganisationResult> {
    if (!organisationAccess.create(actor.viewer)) return { errors: [notAllowed("register an organisation")] };
    const keyCheck = new InputChecks();
    const key = input.idempotencyKey == null ? null : keyCheck.idempotencyKey(input.idempotencyKey);
    if (!keyCheck.ok) return { errors: keyCheck.errors };
    return inTransaction(this.db, async (m) => {
      // A partner's sync retried after a lost answer gets the organisation it created, not a second one.
      if (key !== null) {
        return once(m, actor, { operation: "organisations.create", key, input: { ...input, idempotencyKey: undefined } },
          async () => {
            const registered = await this.register(m, actor, input);
            return { ref: registered.organisation.id, result: registered };
          },
          async (ref) => ({ organisation: await m.findOneByOrFail(Organisation, { id: ref }) }));
      }
      return this.register(m, actor, input);
    });
  }

  private async register(m: EntityManager, actor: Actor, input: CreateOrganisationInput): Promise<{ organisation: Organisation }> {
    const c = new InputChecks();
    const name = c.text("name", input.name, { max: LIMITS.name, required: true });
    const description = c.text("description", input.description, { max: LIMITS.description });
    const website = checkWebsite(c, input.website);
    checkFoundedOn(c, input.foundedOn);
    if (input.governance) checkGovernance(c, input.governance);
    c.int("tradingIncomePercent", input.tradingIncomePercent, 0, 100);
    const places = await checkPlaces(c, m, input.registeredPlaceId, input.placesServedIds);
    const identifiers = await checkIdentifiers(c, m, input.identifiers ?? [], (i) => `identifiers.${i}`, null, input.legalForm);
    if (!c.ok) refuseAll(c.errors);

    const organisation = await m.save(m.create(Organisation, {
      name: name!, description: description ?? null, legalForm: input.legalForm, foundedOn: input.foundedOn ?? null,
      website: website ?? null, registeredPlaceId: places.registeredPlaceId ?? null,
      causes: [...new Set(input.causes ?? [])], assetLockDeclared: input.assetLockDeclared ?? false,
      boardSize: input.governance?.boardSize ?? null, communityBoardMembers: input.governance?.communityBoardMembers ?? null,
      membershipSize: input.governance?.membershipSize ?? null, tradingIncomePercent: input.tradingIncomePercent ?? null,
      surplusDestination: input.surplusDestination ?? null,
      lifecycleStage: input.lifecycleStage ?? LifecycleStage.STARTING,
    }));
    if (places.servedIds?.length) {
      await m.insert(PlaceServed, places.servedIds.map((placeId) => ({ organisationId: organisation.id, placeId })));
    }
    if (identifiers.length) {
      await m.insert(OrganisationIdentifier, identifiers.map((i) => ({ ...i, organisationId: organisation.id })))
        .catch((e) => identifierRace(e, "identifiers"));
    }
    // A person who registers an organisation owns it; partner keys create organisations without an owner, and their
    // partner (every key of it) may change what it created.
    if (actor.viewer.userId) {
      await m.insert(Membership, { userId: actor.viewer.userId, organisationId: organisation.id, role: OrganisationRole.OWNER });
    }
    const partner = partnerOf(actor.viewer);
    if (partner) await m.insert(OrganisationPartner, { organisationId: organisation.id, partnerId: partner, origin: "CREATED" });
    await audit.record(m, actor, {
      action: "organisation.create", entityType: "Organisation", entityId: organisation.id,
      after: { ...(await snapshot(m, organisation)), identifiers: identifiers.map((i) => i.value) },
    });
    await changed(m, actor, organisation, "organisation.created");
    return { organisation };
  }

  async update(actor: Actor, id: string, input: UpdateOrganisationInput): Promise<OrganisationResult> {
    if (!(await organisationAccess.edit(this.db, actor.viewer, id))) return { errors: [notAllowed("edit this organisation")] };
    return inTransaction(this.db, async (m) => {
      const organisation = await lockForEdit(m, Organisation, id, input.expectedVersion, { noun: "organisation" });
      const before = await snapshot(m, organisation);
      const c = new InputChecks();
      if (input.name !== undefined) {
        const name = c.text("name", input.name, { max: LIMITS.name, required: true });
        if (name) organisation.name = name;
      }
      if (input.description !== undefined) organisation.description = c.text("description", input.description, { max: LIMITS.description }) ?? null;
      if (input.website !== undefined) organisation.website = checkWebsite(c, input.website) ?? null;
      if (input.foundedOn !== undefined) {
        checkFoundedOn(c, input.foundedOn);
        organisation.foundedOn = input.foundedOn;
      }
      for (const [field, value] of [["legalForm", input.legalForm], ["lifecycleStage", input.lifecycleStage]] as const) {
        if (value === null) c.add(field, "REQUIRED", `${field} cannot be cleared.`);
      }
      if (input.legalForm && input.legalForm !== organisation.legalForm) {
        checkIdentifiersFit(c, await m.find(OrganisationIdentifier, { where: { organisationId: id } }), input.legalForm);
        organisation.legalForm = input.legalForm;
      }
      if (input.lifecycleStage) organisation.lifecycleStage = input.lifecycleStage;
      if (input.causes !== undefined) organisation.causes = [...new Set(input.causes ?? [])];
      if (input.assetLockDeclared !== undefined && input.assetLockDeclared !== null) organisation.assetLockDeclared = input.assetLockDeclared;
      if (input.governance) {
        checkGovernance(c, input.governance, organisation.boardSize);
        const g = input.governance;
        if (g.boardSize !== undefined) organisation.boardSize = g.boardSize;
        if (g.communityBoardMembers !== undefined) organisation.communityBoardMembers = g.communityBoardMembers;
        if (g.membershipSize !== undefined) organisation.membershipSize = g.membershipSize;
      }
      if (input.tradingIncomePercent !== undefined) {
        c.int("tradingIncomePercent", input.tradingIncomePercent, 0, 100);
        organisation.tradingIncomePercent = input.tradingIncomePercent;
      }
      if (input.surplusDestination !== undefined) organisation.surplusDestination = input.surplusDestination;
      const places = await checkPlaces(c, m, input.registeredPlaceId, input.placesServedIds);
      if (!c.ok) refuseAll(c.errors);
      if (places.registeredPlaceId !== undefined) organisation.registeredPlaceId = places.registeredPlaceId;
      if (input.placesServedIds !== undefined) {
        await m.delete(PlaceServed, { organisationId: id });
        if (places.servedIds?.length) await m.insert(PlaceServed, places.servedIds.map((placeId) => ({ organisationId: id, placeId })));
      }
      await saveChange(m, actor, organisation, { action: "organisation.update", before, after: await snapshot(m, organisation) });
      await changed(m, actor, organisation, "organisation.updated");
      return { organisation };
    });
  }

  async archive(actor: Actor, id: string, input: ArchiveOrganisationInput): Promise<OrganisationResult> {
    if (!organisationAccess.archive(actor.viewer, id)) return { errors: [notAllowed("archive this organisation (owners and ADMIN only)")] };
    return inTransaction(this.db, async (m) => {
      const organisation = await lockForEdit(m, Organisation, id, input.expectedVersion, { noun: "organisation" });
      if (organisation.archivedAt) refuse("id", "ALREADY_ARCHIVED", "This organisation is already archived.");
      organisation.archivedAt = new Date();
      await saveChange(m, actor, organisation, {
        action: "organisation.archive", before: { archivedAt: null }, after: { archivedAt: organisation.archivedAt },
      });
      await changed(m, actor, organisation, "organisation.updated");
      return { organisation };
    });
  }

  async linkPartner(actor: Actor, organisationId: string, partnerId: string, linked: boolean): Promise<OrganisationResult> {
    if (!organisationAccess.linkPartner(actor.viewer, organisationId)) return { errors: [notAllowed("link this organisation to a partner (owners and ADMIN only)")] };
    return inTransaction(this.db, async (m) => {
      const organisation = await lockOrganisation(m, organisationId);
      if (linked) {
        const [row] = await m.query(
          `INSERT INTO organisation_partner (organisation_id, partner_id, origin, linked_by) VALUES ($1, $2, 'LINKED', $3)
           ON CONFLICT DO NOTHING RETURNING partner_id`, [organisationId, partnerId, actor.viewer.userId],
        );
        if (!row) refuse("partnerId", "ALREADY_LINKED", "That partner may already change this organisation.");
      } else {
        const [, removed] = await m.query("DELETE FROM organisation_partner WHERE organisation_id = $1 AND partner_id = $2", [organisationId, partnerId]);
        if (!removed) refuse("partnerId", "NOT_LINKED", "That partner is not linked to this organisation.");
      }
      await audit.record(m, actor, {
        action: linked ? "organisation.linkPartner" : "organisation.unlinkPartner", entityType: "Organisation", entityId: organisationId,
        before: { partnerId: linked ? null : partnerId }, after: { partnerId: linked ? partnerId : null },
      });
      return { organisation };
    });
  }

  async addIdentifier(actor: Actor, organisationId: string, raw: string): Promise<OrganisationResult> {
    if (!(await organisationAccess.edit(this.db, actor.viewer, organisationId))) return { errors: [notAllowed("edit this organisation")] };
    return inTransaction(this.db, async (m) => {
      const organisation = await lockOrganisation(m, organisationId);
      const c = new InputChecks();
      const [identifier] = await checkIdentifiers(c, m, [raw], () => "identifier", organisationId, organisation.legalForm);
      if (!c.ok) refuseAll(c.errors);
      await m.insert(OrganisationIdentifier, { ...identifier, organisationId }).catch((e) => identifierRace(e, "identifier"));
      // Identifier changes are changes to the organisation: a new version and updatedAt, so syncs see them.
      await saveChange(m, actor, organisation, {
        action: "organisation.addIdentifier", before: { identifier: null }, after: { identifier: identifier.value },
      });
      await changed(m, actor, organisation, "organisation.updated");
      return { organisation };
    });
  }

  async removeIdentifier(actor: Actor, organisationId: string, raw: string): Promise<OrganisationResult> {
    if (!(await organisationAccess.edit(this.db, actor.viewer, organisationId))) return { errors: [notAllowed("edit this organisation")] };
    return inTransaction(this.db, async (m) => {
      const organisation = await lockOrganisation(m, organisationId);
      const value = raw.trim().toUpperCase().replace(/\s+/g, "");
      const removed = await m.delete(OrganisationIdentifier, { organisationId, value });
      if (!removed.affected) refuse("identifier", "NOT_FOUND", "That is not an identifier of this organisation.");
      await saveChange(m, actor, organisation, {
        action: "organisation.removeIdentifier", before: { identifier: value }, after: { identifier: null },
      });
      await changed(m, actor, organisation, "organisation.updated");
      return { organisation };
    });
  }
}
