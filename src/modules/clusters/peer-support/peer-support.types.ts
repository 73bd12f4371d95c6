// API types of offers, needs and exchanges that are not tables: the connection of posts and the mutation payloads.
import { ConnectionType } from "../../../graphql/connection";
import { PayloadType } from "../../../graphql/payloads";
import { PeerPost } from "./peer-post.entity";
import { PeerExchange } from "./peer-exchange.entity";

export const PeerPostConnection = ConnectionType(PeerPost, "PeerPost");

export const PeerPostPayload = PayloadType("PeerPostPayload", { post: () => PeerPost });
export type PeerPostPayload = InstanceType<typeof PeerPostPayload>;
export const PeerExchangePayload = PayloadType("PeerExchangePayload", { exchange: () => PeerExchange });
export type PeerExchangePayload = InstanceType<typeof PeerExchangePayload>;
