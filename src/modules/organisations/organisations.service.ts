// The register's use cases: create, update (with expectedVersion), archive, add and remove identifiers.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../audit/audit";
import { OrganisationRole } from "../../auth/roles";
import type { Actor } from "../../auth/viewer";
import { inTransaction, Rollback, sqlState } from "../../db/transaction";
import { UserError, userError } from "../../graphql/errors";
import { InputChecks } from "../../graphql/input-checks";
import { Membership } from "../../auth/membership.entity";
import { organisationAccess } from "./access";
import { Organisation } from "./organisation.entity";
import { OrganisationIdentifier } from "./organisation-identifier.entity";
import { PlaceServed } from "./place-served.entity";
import { LifecycleStage } from "./organisation.enums";
import type { ArchiveOrganisationInput, CreateOrganisationInput, UpdateOrganisationInput } from "./organisations.inputs";
import { checkFoundedOn, checkGovernance, checkIdentifiers, checkPlaces, checkWebsite, LIMITS } from "./organisation-rules";

export type OrganisationResult = { organisation: Organisation } | { errors: UserError[] };

const notAllowed = (what: string) => userError(null, "NOT_ALLOWED", `You are not allowed to ${what}.`);
const notFound = (field: string) => userError(field, "NOT_FOUND", "No organisation has that ID.");

/** The audited view of an organisation: its own fields plus the places it serves. */
async function snapshot(m: EntityManager, o: Organisation): Promise<Record<string, unknown>> {
  const served: { place_id: string }[] = await m.query(
    "SELECT place_id FROM organisation_place_served WHERE organisation_id = $1 ORDER BY place_id", [o.id],
  );
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...fields } = o;
  return { ...fields, placesServedIds: served.map((s) => s.place_id) };
}

export async function lockOrganisation(m: EntityManager, id: string): Promise<Organisation | null> {
  return m.findOne(Organisation, { where: { id }, lock: { mode: "pessimistic_write" } });
}

/** Turns a unique-index race on identifiers into the same user error the pre-check gives. */
function identifierRace(error: unknown, field: string): never {
  if (sqlState(error) === "23505") {
    throw new Rollback({ errors: [userError(field, "IDENTIFIER_TAKEN", "That identifier already belongs to another organisation in the register.")] });
  }
  throw error;
}

export class OrganisationsService {
  constructor(private readonly db: DataSource) {}

  async create(actor: Actor, input: CreateOrganisationInput): Promise<OrganisationResult> {
    if (!organisationAccess.create(actor.viewer)) return { errors: [notAllowed("register an organisation")] };
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const name = c.text("name", input.name, { max: LIMITS.name, required: true });
      const description = c.text("description", input.description, { max: LIMITS.description });
      const website = checkWebsite(c, input.website);
      checkFoundedOn(c, input.foundedOn);
      if (input.governance) checkGovernance(c, input.governance);
      c.int("tradingIncomePercent", input.tradingIncomePercent, 0, 100);
      const places = await checkPlaces(c, m, input.registeredPlaceId, input.placesServedIds);
      const identifiers = await checkIdentifiers(c, m, input.identifiers ?? [], (i) => `identifiers.${i}`, null);
      if (!c.ok) throw new Rollback({ errors: c.errors });

      const organisation = await m.save(m.create(Organisation, {
        name: name!, description: description ?? null, legalForm: input.legalForm, foundedOn: input.foundedOn ?? null,
        website: website ?? null, registeredPlaceId: places.registeredPlaceId ?? null,
        causes: [...new Set(input.causes ?? [])], assetLockDeclared: input.assetLockDeclared ?? false,
        boardSize: input.governance?.boardSize ?? null, communityBoardMembers: input.governance?.communityBoardMembers ?? null,
        membershipSize: input.governance?.membershipSize ?? null, tradingIncomePercent: input.tradingIncomePercent ?? null,
        lifecycleStage: input.lifecycleStage ?? LifecycleStage.STARTING,
      }));
      if (places.servedIds?.length) {
        await m.insert(PlaceServed, places.servedIds.map((placeId) => ({ organisationId: organisation.id, placeId })));
      }
      if (identifiers.length) {
        await m.insert(OrganisationIdentifier, identifiers.map((i) => ({ ...i, organisationId: organisation.id })))
          .catch((e) => identifierRace(e, "identifiers"));
      }
      // A person who registers an organisation owns it; partner keys create organisations without an owner.
      if (actor.viewer.userId) {
        await m.insert(Membership, { userId: actor.viewer.userId, organisationId: organisation.id, role: OrganisationRole.OWNER });
      }
      await audit.record(m, actor, {
        action: "organisation.create", entityType: "Organisation", entityId: organisation.id,
        after: { ...(await snapshot(m, organisation)), identifiers: identifiers.map((i) => i.value) },
      });
      return { organisation };
    });
  }

  async update(actor: Actor, id: string, input: UpdateOrganisationInput): Promise<OrganisationResult> {
    if (!organisationAccess.edit(actor.viewer, id)) return { errors: [notAllowed("edit this organisation")] };
    return inTransaction(this.db, async (m) => {
      const organisation = await lockOrganisation(m, id);
      if (!organisation) throw new Rollback({ errors: [notFound("id")] });
      if (organisation.version !== input.expectedVersion) {
        throw new Rollback({ errors: [userError("expectedVersion", "STALE_VERSION",
          `Someone else changed this organisation first (now version ${organisation.version}). Reload it and apply your change again.`)] });
      }
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
      if (input.legalForm) organisation.legalForm = input.legalForm;
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
      const places = await checkPlaces(c, m, input.registeredPlaceId, input.placesServedIds);
      if (!c.ok) throw new Rollback({ errors: c.errors });
      if (places.registeredPlaceId !== undefined) organisation.registeredPlaceId = places.registeredPlaceId;
      if (input.placesServedIds !== undefined) {
        await m.delete(PlaceServed, { organisationId: id });
        if (places.servedIds?.length) await m.insert(PlaceServed, places.servedIds.map((placeId) => ({ organisationId: id, placeId })));
      }
      organisation.version += 1;
      organisation.updatedAt = new Date();
      await m.save(organisation);
      await audit.record(m, actor, {
        action: "organisation.update", entityType: "Organisation", entityId: id, before, after: await snapshot(m, organisation),
      });
      return { organisation };
    });
  }

  async archive(actor: Actor, id: string, input: ArchiveOrganisationInput): Promise<OrganisationResult> {
    if (!organisationAccess.archive(actor.viewer, id)) return { errors: [notAllowed("archive this organisation (owners and ADMIN only)")] };
    return inTransaction(this.db, async (m) => {
      const organisation = await lockOrganisation(m, id);
      if (!organisation) throw new Rollback({ errors: [notFound("id")] });
      if (organisation.version !== input.expectedVersion) {
        throw new Rollback({ errors: [userError("expectedVersion", "STALE_VERSION", "Someone else changed this organisation first. Reload it and try again.")] });
      }
      if (organisation.archivedAt) throw new Rollback({ errors: [userError("id", "ALREADY_ARCHIVED", "This organisation is already archived.")] });
      organisation.archivedAt = new Date();
      organisation.version += 1;
      organisation.updatedAt = organisation.archivedAt;
      await m.save(organisation);
      await audit.record(m, actor, {
        action: "organisation.archive", entityType: "Organisation", entityId: id,
        before: { archivedAt: null }, after: { archivedAt: organisation.archivedAt },
      });
      return { organisation };
    });
  }

  async addIdentifier(actor: Actor, organisationId: string, raw: string): Promise<OrganisationResult> {
    if (!organisationAccess.edit(actor.viewer, organisationId)) return { errors: [notAllowed("edit this organisation")] };
    return inTransaction(this.db, async (m) => {
      const organisation = await lockOrganisation(m, organisationId);
      if (!organisation) throw new Rollback({ errors: [notFound("organisationId")] });
      const c = new InputChecks();
      const [identifier] = await checkIdentifiers(c, m, [raw], () => "identifier", organisationId);
      if (!c.ok) throw new Rollback({ errors: c.errors });
      await m.insert(OrganisationIdentifier, { ...identifier, organisationId }).catch((e) => identifierRace(e, "identifier"));
      await this.touch(m, organisation);
      await audit.record(m, actor, {
        action: "organisation.addIdentifier", entityType: "Organisation", entityId: organisationId,
        before: { identifier: null }, after: { identifier: identifier.value },
      });
      return { organisation };
    });
  }

  async removeIdentifier(actor: Actor, organisationId: string, raw: string): Promise<OrganisationResult> {
    if (!organisationAccess.edit(actor.viewer, organisationId)) return { errors: [notAllowed("edit this organisation")] };
    return inTransaction(this.db, async (m) => {
      const organisation = await lockOrganisation(m, organisationId);
      if (!organisation) throw new Rollback({ errors: [notFound("organisationId")] });
      const value = raw.trim().toUpperCase().replace(/\s+/g, "");
      const removed = await m.delete(OrganisationIdentifier, { organisationId, value });
      if (!removed.affected) throw new Rollback({ errors: [userError("identifier", "NOT_FOUND", `${value} is not an identifier of this organisation.`)] });
      await this.touch(m, organisation);
      await audit.record(m, actor, {
        action: "organisation.removeIdentifier", entityType: "Organisation", entityId: organisationId,
        before: { identifier: value }, after: { identifier: null },
      });
      return { organisation };
    });
  }

  /** Identifier changes are changes to the organisation: bump version and updatedAt so syncs see them. */
  private async touch(m: EntityManager, organisation: Organisation): Promise<void> {
    organisation.version += 1;
    organisation.updatedAt = new Date();
    await m.save(organisation);
  }
}
