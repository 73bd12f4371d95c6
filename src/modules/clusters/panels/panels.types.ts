// API types of peer panels that are not tables: their connection and mutation payload.
import { ConnectionType } from "../../../graphql/connection";
import { PayloadType } from "../../../graphql/payloads";
import { PeerPanel } from "./peer-panel.entity";

export const PeerPanelConnection = ConnectionType(PeerPanel, "PeerPanel");

export const PeerPanelPayload = PayloadType("PeerPanelPayload", { panel: () => PeerPanel });
export type PeerPanelPayload = InstanceType<typeof PeerPanelPayload>;
