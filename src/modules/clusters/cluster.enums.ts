// The vocabularies of Collaborating Communities: cluster kinds and statuses, roles, skills, panels and exchanges.
import { registerEnumType } from "type-graphql";

/** What brings a cluster together. There is deliberately no SECTOR: clusters are never organised by industry. */
export enum ClusterKind {
  PLACE = "PLACE",
  CAUSE = "CAUSE",
  COMMUNITY_OF_INTEREST = "COMMUNITY_OF_INTEREST",
}
registerEnumType(ClusterKind, {
  name: "ClusterKind",
  description: "Clusters are organised by place, cause or community of interest, never by sector.",
});

export enum ClusterStatus {
  FORMING = "FORMING",
  ACTIVE = "ACTIVE",
  DORMANT = "DORMANT",
  CLOSED = "CLOSED",
}
registerEnumType(ClusterStatus, { name: "ClusterStatus", description: "A closed cluster keeps its history but changes no more." });

export enum ClusterRole {
  MEMBER = "MEMBER",
  FACILITATOR = "FACILITATOR",
}
registerEnumType(ClusterRole, {
  name: "ClusterRole",
  description: "A member organisation's role; the owners and editors of a FACILITATOR organisation manage the cluster.",
});

/** What organisations offer each other and ask for. */
export enum Skill {
  FINANCE = "FINANCE",
  GOVERNANCE = "GOVERNANCE",
  MARKETING = "MARKETING",
  LEGAL = "LEGAL",
  SPACE = "SPACE",
  EQUIPMENT = "EQUIPMENT",
  INTERIM_STAFF = "INTERIM_STAFF",
  MENTORING = "MENTORING",
  DIGITAL = "DIGITAL",
  PEOPLE_AND_HR = "PEOPLE_AND_HR",
  IMPACT_MEASUREMENT = "IMPACT_MEASUREMENT",
  COMMUNITY_ASSETS = "COMMUNITY_ASSETS",
}
registerEnumType(Skill, {
  name: "Skill",
  description: "Help one organisation can give another: skills, space, equipment, interim staff, mentoring.",
  valuesConfig: {
    SPACE: { description: "Rooms, kitchens, workshops or storage to use." },
    INTERIM_STAFF: { description: "Someone to cover a role for a while." },
    COMMUNITY_ASSETS: { description: "Experience of taking on a building or land through a community asset transfer." },
  },
});
export const SKILLS: ReadonlySet<string> = new Set(Object.values(Skill));

export enum PeerPostKind {
  OFFER = "OFFER",
  NEED = "NEED",
}
registerEnumType(PeerPostKind, { name: "PeerPostKind" });

export enum PeerPostStatus {
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}
registerEnumType(PeerPostStatus, { name: "PeerPostStatus" });

export enum PeerExchangeStatus {
  AGREED = "AGREED",
  COMPLETED = "COMPLETED",
}
registerEnumType(PeerExchangeStatus, {
  name: "PeerExchangeStatus",
  description: "AGREED when a match is accepted; COMPLETED once the hours given and the outcome are recorded.",
});

export enum PeerPanelStatus {
  FORMING = "FORMING",
  ACTIVE = "ACTIVE",
  CLOSED = "CLOSED",
}
registerEnumType(PeerPanelStatus, { name: "PeerPanelStatus", description: "A closed panel keeps its members' history but changes no more." });

/** How an organisation joins a cluster: at once, or once a facilitator approves (the default). */
export enum ClusterJoining {
  OPEN = "OPEN",
  APPROVAL = "APPROVAL",
}
registerEnumType(ClusterJoining, {
  name: "ClusterJoining",
  description: "OPEN: an organisation's owners and editors join it at once. APPROVAL: they ask, and a facilitator (or ADMIN) approves or refuses.",
});

export enum JoinRequestStatus {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  REFUSED = "REFUSED",
}
registerEnumType(JoinRequestStatus, { name: "JoinRequestStatus", description: "Where a request to join a cluster stands." });
