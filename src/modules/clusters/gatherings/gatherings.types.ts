// API types of gatherings that are not tables: their connection and mutation payload.
import { ConnectionType } from "../../../graphql/connection";
import { PayloadType } from "../../../graphql/payloads";
import { Gathering } from "./gathering.entity";

export const GatheringConnection = ConnectionType(Gathering, "Gathering");

export const GatheringPayload = PayloadType("GatheringPayload", { gathering: () => Gathering });
export type GatheringPayload = InstanceType<typeof GatheringPayload>;
