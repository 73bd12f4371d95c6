// People of an organisation: members (users with OWNER/EDITOR/VIEWER) and contact people. All personal data.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../audit/audit";
import { Membership } from "../../auth/membership.entity";
import { OrganisationRole } from "../../auth/roles";
import type { Actor } from "../../auth/viewer";
import { inTransaction } from "../../db/transaction";
import { organisationAccess } from "./access";
import { Contact } from "./contact.entity";
import { PastMembership } from "./past-membership.entity";
import { lockOrganisation } from "./organisations.service";
import type { AddContactInput, UpdateContactInput } from "./organisations.inputs";
import { refusal, refuse, Result, refuseAll } from "../../kit/refusals";
import { InputChecks } from "../../kit/input-checks";
import { lockRecord } from "../../kit/records";

export type MembershipResult = Result<{ membership: Membership }>;
export type ContactResult = Result<{ contact: Contact }>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

function checkContact(c: InputChecks, input: Partial<Omit<AddContactInput, "name">> & { name?: string | null }, creating: boolean) {
  const name = c.text("name", input.name, { max: 200, required: creating || input.name !== undefined });
  const role = c.text("role", input.role, { max: 200 });
  const email = c.text("email", input.email, { max: 320 });
  if (email && !EMAIL.test(email)) c.add("email", "INVALID_EMAIL", "That does not look like an email address.");
  const phone = c.text("phone", input.phone, { max: 40 });
  if (phone && !PHONE.test(phone)) c.add("phone", "INVALID_PHONE", "Give a phone number of digits, spaces, brackets or dashes, optionally starting +.");
  return { name, role, email: email?.toLowerCase() ?? email, phone };
}

async function requireOrganisation(m: EntityManager, id: string, field = "organisationId") {
  const organisation = await lockOrganisation(m, id, field);
  if (organisation.archivedAt) refuse(field, "ARCHIVED", "This organisation is archived.");
  return organisation;
}

const contactFields = (c: Contact) => ({ name: c.name, role: c.role, email: c.email, phone: c.phone });

export class PeopleService {
  constructor(private readonly db: DataSource) {}

  /**
   * Makes the person a member with the role, or changes the role they hold (the last OWNER stays), audited, in the
   * caller's transaction. Accepting an invitation is the only way in (accounts module).
   */
  static async addMember(m: EntityManager, actor: Actor, organisationId: string, userId: string, role: OrganisationRole): Promise<Membership> {
    await requireOrganisation(m, organisationId);
    const existing = await m.findOne(Membership, { where: { organisationId, userId }, lock: { mode: "pessimistic_write" } });
    if (existing?.role === role) return existing;
    if (existing?.role === OrganisationRole.OWNER) await PeopleService.keepAnOwner(m, organisationId, existing.id);
    const membership = existing ?? m.create(Membership, { organisationId, userId });
    const before = existing ? { role: existing.role } : null;
    membership.role = role;
    await m.save(membership);
    await audit.record(m, actor, {
      action: existing ? "organisation.changeMemberRole" : "organisation.addMember", entityType: "Membership", entityId: membership.id,
      before, after: { organisationId, userId, role },
    });
    return membership;
  }

  async remove(actor: Actor, membershipId: string): Promise<MembershipResult> {
    return inTransaction(this.db, async (m) => {
      // Access first, from a plain read: nothing is locked for someone who may not act (issue 10).
      const seen = await m.findOneBy(Membership, { id: membershipId });
      // Members may leave on their own; otherwise owners and ADMIN decide.
      const allowed = seen && (seen.userId === actor.viewer.userId || organisationAccess.manageMembers(actor.viewer, seen.organisationId));
      if (!allowed) refuse("membershipId", "NOT_FOUND", "No membership you can manage has that ID.");
      const membership = await lockRecord(m, Membership, membershipId, { noun: "membership", field: "membershipId" });
      await lockOrganisation(m, membership.organisationId);
      if (membership.role === OrganisationRole.OWNER) await PeopleService.keepAnOwner(m, membership.organisationId, membership.id);
      await m.delete(Membership, { id: membershipId });
      // Leaving is remembered: look-back rules (conflicts of interest) still see who belonged until when.
      await m.insert(PastMembership, { userId: membership.userId, organisationId: membership.organisationId, role: membership.role, beganAt: membership.createdAt });
      await audit.record(m, actor, {
        action: "organisation.removeMember", entityType: "Membership", entityId: membershipId,
        before: { organisationId: membership.organisationId, userId: membership.userId, role: membership.role }, after: null,
      });
      return { membership };
    });
  }

  /** An organisation that has owners keeps at least one: the last OWNER cannot leave or be demoted. */
  static async keepAnOwner(m: EntityManager, organisationId: string, leavingMembershipId: string): Promise<void> {
    const [row] = await m.query(
      "SELECT count(*)::int AS n FROM organisation_membership WHERE organisation_id = $1 AND role = 'OWNER' AND id <> $2",
      [organisationId, leavingMembershipId],
    );
    if (row.n === 0) {
      refuse("membershipId", "LAST_OWNER", "This is the organisation's last owner; make someone else OWNER first.");
    }
  }

  async addContact(actor: Actor, organisationId: string, input: AddContactInput): Promise<ContactResult> {
    if (!organisationAccess.manageContacts(actor.viewer, organisationId)) {
      return { errors: [refusal(null, "NOT_ALLOWED", "Only the organisation's owners, editors and ADMIN manage its contacts.")] };
    }
    return inTransaction(this.db, async (m) => {
      await requireOrganisation(m, organisationId);
      const c = new InputChecks();
      const fields = checkContact(c, input, true);
      if (!c.ok) refuseAll(c.errors);
      const contact = await m.save(m.create(Contact, {
        organisationId, name: fields.name!, role: fields.role ?? null, email: fields.email ?? null, phone: fields.phone ?? null,
      }));
      await audit.record(m, actor, { action: "organisation.addContact", entityType: "Contact", entityId: contact.id, after: contactFields(contact) });
      return { contact };
    });
  }

  async updateContact(actor: Actor, contactId: string, input: UpdateContactInput): Promise<ContactResult> {
    return inTransaction(this.db, async (m) => {
      const contact = await this.contactToEdit(m, actor, contactId);
      const before = contactFields(contact);
      const c = new InputChecks();
      const fields = checkContact(c, input, false);
      if (input.name === null) c.add("name", "REQUIRED", "A contact needs a name.");
      if (!c.ok) refuseAll(c.errors);
      if (fields.name) contact.name = fields.name;
      if (input.role !== undefined) contact.role = fields.role ?? null;
      if (input.email !== undefined) contact.email = fields.email ?? null;
      if (input.phone !== undefined) contact.phone = fields.phone ?? null;
      await m.save(contact);
      await audit.record(m, actor, { action: "organisation.updateContact", entityType: "Contact", entityId: contactId, before, after: contactFields(contact) });
      return { contact };
    });
  }

  async removeContact(actor: Actor, contactId: string): Promise<ContactResult> {
    return inTransaction(this.db, async (m) => {
      const contact = await this.contactToEdit(m, actor, contactId);
      await m.delete(Contact, { id: contactId });
      await audit.record(m, actor, { action: "organisation.removeContact", entityType: "Contact", entityId: contactId, before: contactFields(contact), after: null });
      return { contact };
    });
  }

  /** Access first, from a plain read (nothing is locked for someone who may not act), then the row locked. */
  private async contactToEdit(m: EntityManager, actor: Actor, contactId: string): Promise<Contact> {
    const seen = await m.findOneBy(Contact, { id: contactId });
    if (!seen || !organisationAccess.manageContacts(actor.viewer, seen.organisationId)) {
      refuse("contactId", "NOT_FOUND", "No contact you can edit has that ID.");
    }
    return lockRecord(m, Contact, contactId, { noun: "contact", field: "contactId" });
  }
}
