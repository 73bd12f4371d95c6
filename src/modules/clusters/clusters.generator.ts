// Reproducible cluster life for the demo data and the scale generator: membership history, gatherings, posts, exchanges.
import type { EntityManager } from "typeorm";
import type { Cause } from "../organisations/organisation.enums";
import { ClusterKind, ClusterRole, ClusterStatus, PeerPostKind, Skill } from "./cluster.enums";
import { insertMany } from "../../demo/seeding";
import { londonDate } from "../../kit/calendar";

const DAY = 86_400_000;
const dayAgo = (n: number) => londonDate(new Date(Date.now() - n * DAY));
/** An evening (18:30 UTC) `n` days ago; negative `n` is in the future. */
const eveningAgo = (n: number) => new Date(Math.floor((Date.now() - n * DAY) / DAY) * DAY + 18.5 * 3_600_000);

export interface GeneratedCluster {
  name: string;
  description: string;
  kind: ClusterKind;
  placeId: string | null;
  cause: Cause | null;
  interest: string | null;
  status: ClusterStatus;
  /** Member organisations; the first facilitates. */
  memberIds: string[];
}

interface Period { organisationId: string; role: ClusterRole; joined: number; left: number | null }

/** Ages in days. Every fifth member from the third has left; every fifth from the fourth left and rejoined. */
function periodsOf(c: GeneratedCluster, rnd: () => number): Period[] {
  const closedAgo = c.status === ClusterStatus.CLOSED ? 60 : null;
  const forming = c.status === ClusterStatus.FORMING;
  return c.memberIds.flatMap((organisationId, i): Period[] => {
    const role = i === 0 ? ClusterRole.FACILITATOR : ClusterRole.MEMBER;
    const joined = forming ? 5 + Math.floor(rnd() * 20) : 420 + Math.floor(rnd() * 300) + (i === 0 ? 60 : 0);
    if (forming || closedAgo) return [{ organisationId, role, joined, left: closedAgo }];
    if (i % 5 === 2) return [{ organisationId, role, joined, left: 100 + Math.floor(rnd() * 100) }];
    if (i % 5 === 3) return [{ organisationId, role, joined, left: 260 }, { organisationId, role, joined: 150, left: null }];
    return [{ organisationId, role, joined, left: null }];
  });
}

const memberOn = (periods: Period[], organisationId: string, ago: number) =>
  periods.some((p) => p.organisationId === organisationId && p.joined >= ago && (p.left === null || p.left < ago));

const TOPICS = ["Pricing for social value", "Getting ready for pay-it-forward funding", "Sharing kitchens and halls",
  "Recruiting board members from the community", "Measuring what we change", "Volunteers and paid staff", "Winter energy costs"];

const POSTS: Record<Skill, { offer: string; need: string }> = {
  FINANCE: { offer: "Our finance lead can walk you through cash-flow forecasts.", need: "Help setting up a cash-flow forecast before we apply for funding." },
  GOVERNANCE: { offer: "We have been through a board skills audit and can share how.", need: "Advice on bringing community members onto our board." },
  MARKETING: { offer: "An afternoon on social media for local customers.", need: "Help telling our story to new customers." },
  LEGAL: { offer: "We can share our model lease and what we learnt negotiating it.", need: "Someone to look over a lease before we sign." },
  SPACE: { offer: "Our hall is free on Monday and Tuesday daytimes.", need: "A room for a weekly training session." },
  EQUIPMENT: { offer: "A van we can lend at weekends.", need: "A commercial oven or kitchen to borrow for a month." },
  INTERIM_STAFF: { offer: "Our bookkeeper has two days a month spare.", need: "Cover for our manager during parental leave." },
  MENTORING: { offer: "Our founder mentors new co-operatives.", need: "A mentor who has grown a community business." },
  DIGITAL: { offer: "We can set up a simple online shop.", need: "Help moving our bookings online." },
  PEOPLE_AND_HR: { offer: "We can share our HR policies and job templates.", need: "Advice on our first employment contracts." },
  IMPACT_MEASUREMENT: { offer: "We can show how we measure social value.", need: "Help counting and valuing our impact." },
  COMMUNITY_ASSETS: { offer: "We took on a building by asset transfer and can share how.", need: "Advice on a community asset transfer of a library." },
};
const SKILL_LIST = Object.values(Skill);

/** Inserts the clusters with their membership history and gatherings; returns the clusters' ids in order. */
export async function insertClusters(m: EntityManager, clusters: GeneratedCluster[], rnd: () => number): Promise<string[]> {
  const ids = await insertMany(m, "cluster", ["name", "description", "kind", "place_id", "cause", "interest", "status", "closed_at"],
    clusters.map((c) => [c.name, c.description, c.kind, c.placeId, c.cause, c.interest, c.status,
      c.status === ClusterStatus.CLOSED ? eveningAgo(60) : null]), { returningIds: true });
  const memberships: unknown[][] = [];
  const gatherings: { clusterId: string; periods: Period[]; ago: number; online: boolean; placeId: string | null; topic: string }[] = [];
  clusters.forEach((c, n) => {
    const periods = periodsOf(c, rnd);
    for (const p of periods) memberships.push([ids[n], p.organisationId, p.role, dayAgo(p.joined), p.left === null ? null : dayAgo(p.left)]);
    if (c.status === ClusterStatus.FORMING) return;
    const start = c.status === ClusterStatus.CLOSED ? 75 : 20;
    for (let k = 0; k < 4; k++) {
      gatherings.push({ clusterId: ids[n], periods, ago: start + 45 * k, online: k % 2 === 1 || !c.placeId, placeId: k % 2 === 1 ? null : c.placeId, topic: TOPICS[(n + k) % TOPICS.length] });
    }
    if (c.status === ClusterStatus.ACTIVE) gatherings.push({ clusterId: ids[n], periods: [], ago: -14, online: !c.placeId, placeId: c.placeId, topic: TOPICS[(n + 4) % TOPICS.length] });
  });
  await insertMany(m, "cluster_membership", ["cluster_id", "organisation_id", "role", "joined_on", "left_on"], memberships);
  const gatheringIds = await insertMany(m, "gathering", ["cluster_id", "starts_at", "ends_at", "online", "place_id", "topic", "notes"],
    gatherings.map((g) => [g.clusterId, eveningAgo(g.ago), new Date(eveningAgo(g.ago).getTime() + 2 * 3_600_000), g.online, g.placeId, g.topic,
      g.ago > 0 ? `Members shared how they handle "${g.topic.toLowerCase()}"; actions agreed for next time.` : null]), { returningIds: true });
  const attendance = gatherings.flatMap((g, i) => [...new Set(g.periods.map((p) => p.organisationId))]
    .filter((o) => g.ago > 0 && memberOn(g.periods, o, g.ago) && rnd() < 0.75)
    .map((o) => [gatheringIds[i], o, 1 + Math.floor(rnd() * 4)]));
  await insertMany(m, "gathering_attendance", ["gathering_id", "organisation_id", "people"], attendance);
  return ids;
}

/** Open offers and needs: each organisation offers something with a chance of two in three, and needs something likewise. */
export async function insertPosts(m: EntityManager, organisationIds: string[], rnd: () => number): Promise<void> {
  const rows = organisationIds.flatMap((o) => [PeerPostKind.OFFER, PeerPostKind.NEED].filter(() => rnd() < 0.65).map((kind) => {
    const skill = SKILL_LIST[Math.floor(rnd() * SKILL_LIST.length)];
    return [o, kind, skill, kind === PeerPostKind.OFFER ? POSTS[skill].offer : POSTS[skill].need];
  }));
  await insertMany(m, "peer_post", ["organisation_id", "kind", "skill", "description"], rows);
}

/**
 * Completed exchanges inside clusters: for each cluster with two long-standing members, the second met a need of the
 * first (the need is closed, the offer stays open), some weeks ago.
 */
export async function insertExchanges(m: EntityManager, clusters: GeneratedCluster[], rnd: () => number): Promise<void> {
  const pairs = clusters.filter((c) => c.status === ClusterStatus.ACTIVE && c.memberIds.length >= 2).map((c) => [c.memberIds[1], c.memberIds[0]]);
  if (!pairs.length) return;
  const skills = pairs.map(() => SKILL_LIST[Math.floor(rnd() * SKILL_LIST.length)]);
  const ago = pairs.map(() => 10 + Math.floor(rnd() * 300));
  const needIds = await insertMany(m, "peer_post", ["organisation_id", "kind", "skill", "description", "status", "closed_at"],
    pairs.map(([, receiver], i) => [receiver, PeerPostKind.NEED, skills[i], POSTS[skills[i]].need, "CLOSED", eveningAgo(ago[i])]), { returningIds: true });
  const offerIds = await insertMany(m, "peer_post", ["organisation_id", "kind", "skill", "description"],
    pairs.map(([giver], i) => [giver, PeerPostKind.OFFER, skills[i], POSTS[skills[i]].offer]), { returningIds: true });
  await insertMany(m, "peer_exchange", ["need_id", "offer_id", "giver_id", "receiver_id", "status", "agreed_on", "completed_on", "hours_given", "outcome"],
    pairs.map(([giver, receiver], i) => [needIds[i], offerIds[i], giver, receiver, "COMPLETED", dayAgo(ago[i] + 14), dayAgo(ago[i]),
      2 + Math.floor(rnd() * 20), "Done: the receiving organisation says it now does this for itself."]));
}
