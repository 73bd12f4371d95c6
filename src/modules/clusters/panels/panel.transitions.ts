// A peer panel's lifecycle: the allowed moves, and the one function that applies them.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { applyMove, Lifecycle } from "../../../kit/lifecycle";
import { PeerPanelStatus } from "../cluster.enums";
import { PeerPanel } from "./peer-panel.entity";

const PANEL_LIFECYCLE: Lifecycle<PeerPanelStatus> = {
  noun: "A panel", entityType: "PeerPanel", auditAs: "peerPanel",
  moves: {
    FORMING: [PeerPanelStatus.ACTIVE, PeerPanelStatus.CLOSED],
    ACTIVE: [PeerPanelStatus.CLOSED],
    CLOSED: [],
  },
};

export function movePanel(m: EntityManager, actor: Actor, panel: PeerPanel, to: PeerPanelStatus): Promise<PeerPanel> {
  return applyMove(m, actor, PANEL_LIFECYCLE, panel, to);
}
