// Who may do what with partners: ADMIN manages partners and their keys; a partner's own key sees its partner (and,
// in webhooks, its subscriptions and deliveries); an organisation's owner links it to a partner.
import { isAdmin, partnerOf, Viewer } from "../../auth/viewer";

export const partnerAccess = {
  manage: (v: Viewer) => isAdmin(v),
  /** ADMIN sees every partner; a key sees its own. */
  see: (v: Viewer, partnerId: string) => isAdmin(v) || (v.partnerId ?? null) === partnerId,
  /** The partner a request acts for: the key's partner (null for people and for keys made without one). */
  ownPartner: (v: Viewer): string | null => (v.partnerId && partnerOf(v) === v.partnerId ? v.partnerId : null),
};
