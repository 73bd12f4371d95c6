// Invitations: an organisation's OWNER (or ADMIN) invites an email with a role; the invited person accepts from the link
// in the email (signing up first when they have no account). The inviter's answer never depends on whether the email
// has an account, and nobody becomes a member without accepting.
import type { Actor } from "../../auth/viewer";
import { User } from "../../auth/user.entity";
import { OrganisationRole } from "../../auth/roles";
import type { Membership } from "../../auth/membership.entity";
import { inTransaction } from "../../db/transaction";
import { audit } from "../../audit/audit";
import { mail } from "../../mail/mail";
import { InputChecks } from "../../kit/input-checks";
import { notAllowed, refusal, refuse, refuseAll, Result } from "../../kit/refusals";
import { organisationsApi } from "../organisations/organisations.api";
import { checkLimits, LIMITS } from "./abuse-limits";
import { hashToken, newSecret } from "./account-tokens";
import { checkEmail } from "./account-rules";
import { emails } from "./emails";
import { Invitation, INVITATION_DAYS, invitationStatus, InvitationStatus } from "./invitation.entity";
import type { AccountDeps } from "./account.service";

const NOT_MANAGER = "Only the organisation's owners and ADMIN invite its members.";

export class InvitationsService {
  constructor(private readonly app: AccountDeps) {}

  /** Invites an email; a pending invitation of the same email to the same organisation is replaced by this one. */
  async invite(actor: Actor, address: string | null, organisationId: string, rawEmail: string, role: OrganisationRole): Promise<Result<{ invitation: Invitation }>> {
    if (!organisationsApi.mayManageMembers(actor.viewer, organisationId)) return { errors: [notAllowed(NOT_MANAGER)] };
    const c = new InputChecks();
    const email = checkEmail(c, "email", rawEmail);
    if (!c.ok) return { errors: c.errors };
    const limited = await checkLimits(this.app.sessions.cache, LIMITS.invitation(address, actor.viewer.userId ?? actor.viewer.apiKeyId ?? "staff", email));
    if (limited) return { errors: [limited] };
    return inTransaction(this.app.db, async (m) => {
      const organisation = await organisationsApi.lockActive(m, organisationId);
      await m.query(
        `UPDATE invitation SET revoked_at = now()
          WHERE organisation_id = $1 AND lower(email) = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [organisationId, email],
      );
      const secret = newSecret();
      const invitation = await m.save(m.create(Invitation, {
        organisationId, email, role, tokenHash: hashToken(secret), invitedBy: actor.viewer.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
      }));
      await mail.queue(m, actor, emails.invitation(this.app.config, email, organisation.name, role, secret, invitation.expiresAt));
      await audit.record(m, actor, { action: "invitation.create", entityType: "Invitation", entityId: invitation.id, after: { organisationId, role } });
      return { invitation };
    });
  }

  async revoke(actor: Actor, invitationId: string): Promise<Result<{ invitation: Invitation }>> {
    return inTransaction(this.app.db, async (m) => {
      const invitation = await m.findOne(Invitation, { where: { id: invitationId }, lock: { mode: "pessimistic_write" } });
      // The same refusal whether the invitation is missing or not the asker's to manage.
      if (!invitation || !organisationsApi.mayManageMembers(actor.viewer, invitation.organisationId)) {
        refuse("invitationId", "NOT_FOUND", "No invitation you can manage has that ID.");
      }
      if (invitationStatus(invitation) !== InvitationStatus.PENDING) refuse("invitationId", "WRONG_STATUS", "Only a pending invitation can be revoked.");
      invitation.revokedAt = new Date();
      await m.save(invitation);
      await audit.record(m, actor, { action: "invitation.revoke", entityType: "Invitation", entityId: invitation.id, before: { status: "PENDING" }, after: { status: "REVOKED" } });
      return { invitation };
    });
  }

  /**
   * The signed-in person accepts with the token from the email and becomes a member with the invited role. The token
   * reached the invited mailbox, so a person whose own email it is becomes verified by it too.
   */
  async accept(actor: Actor, token: string): Promise<Result<{ membership: Membership }>> {
    const userId = actor.viewer.userId;
    if (!userId) return { errors: [refusal(null, "NOT_SIGNED_IN", "Sign in (or sign up) first, then open the invitation link again.")] };
    const result = await inTransaction(this.app.db, async (m) => {
      const hash = hashToken(token);
      const invitation = await m.findOne(Invitation, { where: { tokenHash: hash }, lock: { mode: "pessimistic_write" } });
      if (!invitation || invitationStatus(invitation) !== InvitationStatus.PENDING) {
        refuseAll([refusal("token", "INVALID_TOKEN", "This invitation is not valid: it may have been accepted, revoked or have expired. Ask for a new one.")]);
      }
      const user = await m.findOneOrFail(User, { where: { id: userId }, lock: { mode: "pessimistic_write" } });
      const membership = await organisationsApi.addMember(m, actor, invitation.organisationId, userId, invitation.role);
      invitation.acceptedAt = new Date();
      invitation.acceptedBy = userId;
      await m.save(invitation);
      if (!user.emailVerifiedAt && user.email.toLowerCase() === invitation.email.toLowerCase()) {
        user.emailVerifiedAt = new Date();
        await m.save(user);
      }
      await audit.record(m, actor, { action: "invitation.accept", entityType: "Invitation", entityId: invitation.id, before: { status: "PENDING" }, after: { status: "ACCEPTED" } });
      return { membership };
    });
    if ("membership" in result) await this.app.sessions.accessChanged(userId);
    return result;
  }
}
