// The partners of collective applications as the rules read them: who the applicants are, and whether a draft's
// partners let it be submitted (every one consenting and an eligible STO, like the lead).
import type { EntityManager } from "typeorm";
import { organisationsApi } from "../../organisations/organisations.api";
import { refuse } from "../../../kit/refusals";
import { PartnerConsent } from "../funds.enums";
import { ApplicationPartner } from "./application-partner.entity";

/** An application's partners, in the order they were invited. */
export function partnersOf(m: EntityManager, applicationId: string): Promise<ApplicationPartner[]> {
  return m.find(ApplicationPartner, { where: { applicationId }, order: { invitedAt: "ASC", id: "ASC" } });
}

/**
 * Refuses submitting a collective application until every partner has consented and each is an eligible STO by the
 * same check as the lead. A declined partner blocks submission until the lead removes it.
 */
export async function requirePartnersReady(m: EntityManager, applicationId: string): Promise<void> {
  const partners = await partnersOf(m, applicationId);
  if (partners.some((p) => p.consent === PartnerConsent.DECLINED)) {
    refuse("partners", "PARTNER_DECLINED", "A partner organisation has declined to join this application; remove it before submitting.");
  }
  if (partners.some((p) => p.consent !== PartnerConsent.CONSENTED)) {
    refuse("partners", "PARTNER_CONSENT_MISSING", "Every partner organisation must consent (through its owners or editors) before the application is submitted.");
  }
  for (const p of partners) {
    if (!(await organisationsApi.isEligibleSto(m, p.organisationId))) {
      refuse("partners", "PARTNER_NOT_ELIGIBLE",
        "Every partner must be assessed as an eligible socially trading organisation (STO), like the lead; remove the partner or ask the network for its assessment.");
    }
  }
}
