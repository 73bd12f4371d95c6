// Collective applications: the lead's owners and editors add and remove partner organisations while the application
// is a draft; each partner's owners and editors consent or decline for it. Every change moves the application's
// version (partners and lead see the same record change) and is audited.
import type { DataSource, EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { inTransaction } from "../../../db/transaction";
import { organisationsApi } from "../../organisations/organisations.api";
import { ActRule, allowedFirst, lockRecord, requireVersion, saveChange } from "../../../kit/records";
import { WRONG_STATUS } from "../../../kit/lifecycle";
import { refuse, Result } from "../../../kit/refusals";
import { fundAccess } from "../access";
import { ApplicationStatus, PartnerConsent } from "../funds.enums";
import { FundingApplication } from "./application.entity";
import { ApplicationPartner } from "./application-partner.entity";

export type PartnerResult = Result<{ application: FundingApplication }>;

/** A collective application has at most this many partners besides its lead. */
export const MAX_PARTNERS = 10;

const APPLICATION = { noun: "application", field: "applicationId" };

/** The lead's owners and editors (and ADMIN) change who the partners are. */
const leadsApplication: ActRule<FundingApplication> = {
  allows: (_m, actor, application) => fundAccess.actFor(actor.viewer, application.organisationId),
  refusal: "Only the lead organisation's owners and editors (and ADMIN) choose an application's partners.",
};

/** A partner's owners and editors (and ADMIN) answer for it, on an application it was invited to. */
const answersFor = (organisationId: string): ActRule<FundingApplication> => ({
  allows: async (m, actor, application) => fundAccess.actFor(actor.viewer, organisationId)
    && (await m.countBy(ApplicationPartner, { applicationId: application.id, organisationId })) > 0,
  refusal: "Only the owners and editors of an organisation invited to this application (and ADMIN) answer for it.",
});

/** Locks the draft after access is decided, and checks the version its editor read. */
async function lockDraft(m: EntityManager, actor: Actor, id: string, rule: ActRule<FundingApplication>, expectedVersion: number): Promise<FundingApplication> {
  await allowedFirst(m, actor, FundingApplication, id, rule, APPLICATION);
  const application = await lockRecord(m, FundingApplication, id, APPLICATION);
  requireVersion(application, expectedVersion, "application");
  if (application.status !== ApplicationStatus.DRAFT) {
    refuse(null, WRONG_STATUS, `Partners are chosen and answer while an application is a draft; this one is ${application.status}.`);
  }
  return application;
}

export class ApplicationPartnersService {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Invites an organisation to the draft as a partner; it consents or declines for itself. */
  async add(actor: Actor, applicationId: string, input: { organisationId: string; expectedVersion: number }): Promise<PartnerResult> {
    return inTransaction(this.db, async (m) => {
      const application = await lockDraft(m, actor, applicationId, leadsApplication, input.expectedVersion);
      if (input.organisationId === application.organisationId) {
        refuse("organisationId", "LEAD_NOT_PARTNER", "The lead organisation is already on the application; choose another organisation as a partner.");
      }
      if (!(await organisationsApi.byIds(m, [input.organisationId])).has(input.organisationId)) {
        refuse("organisationId", "NOT_FOUND", "No organisation has that ID.");
      }
      const partners = await m.findBy(ApplicationPartner, { applicationId });
      if (partners.some((p) => p.organisationId === input.organisationId)) {
        refuse("organisationId", "ALREADY_PARTNER", "That organisation is already a partner on this application.");
      }
      if (partners.length >= MAX_PARTNERS) refuse("organisationId", "TOO_MANY_PARTNERS", `An application has at most ${MAX_PARTNERS} partners.`);
      await m.save(m.create(ApplicationPartner, { applicationId, organisationId: input.organisationId, invitedBy: actor.viewer.userId }));
      await saveChange(m, actor, application, {
        action: "application.addPartner", before: null, after: { partnerOrganisationId: input.organisationId, consent: PartnerConsent.INVITED },
      });
      return { application };
    });
  }

  /** Takes a partner off the draft (for one that declined, or was invited by mistake). */
  async remove(actor: Actor, applicationId: string, input: { organisationId: string; expectedVersion: number }): Promise<PartnerResult> {
    return inTransaction(this.db, async (m) => {
      const application = await lockDraft(m, actor, applicationId, leadsApplication, input.expectedVersion);
      const partner = await m.findOneBy(ApplicationPartner, { applicationId, organisationId: input.organisationId });
      if (!partner) refuse("organisationId", "NOT_A_PARTNER", "That organisation is not a partner on this application.");
      await m.delete(ApplicationPartner, { id: partner.id });
      await saveChange(m, actor, application, {
        action: "application.removePartner", before: { partnerOrganisationId: partner.organisationId, consent: partner.consent }, after: null,
      });
      return { application };
    });
  }

  /**
   * A partner consents to (or declines) the draft at the version its people read; a later change to the draft asks
   * again (ApplicationsService.update sets consents back to INVITED).
   */
  async respond(actor: Actor, applicationId: string, input: { organisationId: string; consent: PartnerConsent; expectedVersion: number }): Promise<PartnerResult> {
    return inTransaction(this.db, async (m) => {
      const application = await lockDraft(m, actor, applicationId, answersFor(input.organisationId), input.expectedVersion);
      if (input.consent === PartnerConsent.INVITED) refuse("consent", "INVALID_CONSENT", "Answer CONSENTED or DECLINED.");
      const partner = await m.findOneByOrFail(ApplicationPartner, { applicationId, organisationId: input.organisationId });
      const before = { partnerOrganisationId: partner.organisationId, consent: partner.consent };
      if (partner.consent !== input.consent) {
        await m.update(ApplicationPartner, { id: partner.id }, { consent: input.consent, respondedBy: actor.viewer.userId, respondedAt: new Date() });
      }
      await saveChange(m, actor, application, {
        action: input.consent === PartnerConsent.CONSENTED ? "application.partnerConsent" : "application.partnerDecline",
        before, after: { partnerOrganisationId: partner.organisationId, consent: input.consent },
      });
      return { application };
    });
  }
}
