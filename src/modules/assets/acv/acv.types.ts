// API types of Assets of Community Value that are not tables: the payload.
import { PayloadType } from "../../../graphql/payloads";
import { AcvListing } from "./listing.entity";

export const AcvListingPayload = PayloadType("AcvListingPayload", { listing: () => AcvListing });
export type AcvListingPayload = InstanceType<typeof AcvListingPayload>;
