// API types of partners that are not tables: payloads and the partner list's connection.
import { ConnectionType } from "../../graphql/connection";
import { PayloadType } from "../../graphql/payloads";
import { ApiKey } from "../../auth/api-key.entity";
import { Organisation } from "../organisations/organisation.entity";
import { Partner } from "./partner.entity";

export const PartnerConnection = ConnectionType(Partner, "Partner");

export const PartnerPayload = PayloadType("PartnerPayload", { partner: () => Partner });
export type PartnerPayload = InstanceType<typeof PartnerPayload>;

export const PartnerKeyPayload = PayloadType("PartnerKeyPayload", {
  apiKey: () => ApiKey,
  secret: { type: () => String, description: "The key itself. Shown once: store it now; only its hash is kept." },
  previous: { type: () => ApiKey, description: "On rotation, the key this one succeeds: it keeps working until revoked." },
});
export type PartnerKeyPayload = InstanceType<typeof PartnerKeyPayload>;

export const OrganisationPartnerPayload = PayloadType("OrganisationPartnerPayload", {
  organisation: () => Organisation,
  partner: () => Partner,
});
export type OrganisationPartnerPayload = InstanceType<typeof OrganisationPartnerPayload>;
