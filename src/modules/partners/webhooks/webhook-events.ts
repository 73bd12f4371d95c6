// The domain events partners may subscribe to, and the scope a partner needs for each (its data is of that kind).
import { registerEnumType } from "type-graphql";
import { ApiScope } from "../../../auth/roles";

export enum WebhookEventType {
  ORGANISATION_CREATED = "organisation.created",
  ORGANISATION_UPDATED = "organisation.updated",
  APPLICATION_DECIDED = "application.decided",
  AGREEMENT_ACTIVATED = "agreement.activated",
  REPAYMENT_RECORDED = "repayment.recorded",
  TRANSFER_STAGE_CHANGED = "transfer.stageChanged",
  MEASUREMENT_VERIFIED = "measurement.verified",
}
registerEnumType(WebhookEventType, { name: "WebhookEventType", description: "Domain events a partner may receive by webhook." });

export const WEBHOOK_EVENT_SCOPES: Record<WebhookEventType, ApiScope> = {
  [WebhookEventType.ORGANISATION_CREATED]: ApiScope.READ_ORGANISATIONS,
  [WebhookEventType.ORGANISATION_UPDATED]: ApiScope.READ_ORGANISATIONS,
  [WebhookEventType.APPLICATION_DECIDED]: ApiScope.READ_FUNDS,
  [WebhookEventType.AGREEMENT_ACTIVATED]: ApiScope.READ_FUNDS,
  [WebhookEventType.REPAYMENT_RECORDED]: ApiScope.READ_FUNDS,
  [WebhookEventType.TRANSFER_STAGE_CHANGED]: ApiScope.READ_PUBLIC,
  // Which organisation had which measure verified for which period; the figures stay with the organisation.
  [WebhookEventType.MEASUREMENT_VERIFIED]: ApiScope.READ_IMPACT,
};

export enum WebhookDeliveryStatus {
  PENDING = "PENDING",
  DELIVERED = "DELIVERED",
  DEAD = "DEAD",
}
registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "PENDING until the receiver answers 2xx (DELIVERED); DEAD after the last retry fails. DEAD ones can be redelivered.",
});
