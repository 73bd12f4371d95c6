// What partner API keys may use of partners: their own partner (any key); managing partners and keys and linking
// organisations are ADMIN's and owners'.
import { ANY_KEY, KeyScopes, NO_KEY } from "../../auth/scopes";

export const partnersScopes: KeyScopes = {
  Query: { partners: NO_KEY, currentPartner: ANY_KEY, webhookDeliveries: ANY_KEY },
  Mutation: {
    createPartner: NO_KEY, createPartnerKey: NO_KEY, rotatePartnerKey: NO_KEY,
    linkOrganisationToPartner: NO_KEY, unlinkOrganisationFromPartner: NO_KEY,
    // A key subscribes its own partner to events it holds the scope for (webhooks.service.ts checks each event).
    subscribeWebhook: ANY_KEY, cancelWebhook: ANY_KEY, redeliverWebhook: ANY_KEY,
  },
};
