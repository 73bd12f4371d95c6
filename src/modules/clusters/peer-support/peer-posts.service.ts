// Posting and closing peer offers and needs: an organisation's owners and editors speak for it.
import type { DataSource } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { inTransaction } from "../../../db/transaction";
import { clusterAccess } from "../access";
import { PeerPostKind, PeerPostStatus, Skill, SKILLS } from "../cluster.enums";
import { PeerPost } from "./peer-post.entity";
import { requireActiveOrganisation } from "../clusters/guards";
import { refusal, refuse, refuseAll, Result } from "../../../kit/refusals";
import { allowedFirst, lockRecord } from "../../../kit/records";
import { InputChecks } from "../../../kit/input-checks";

export type PeerPostResult = Result<{ post: PeerPost }>;

export class PeerPostsService {
  constructor(private readonly db: DataSource) {}

  /** The skill arrives as text so an unknown one is a refusal that lists the vocabulary, not a query error. */
  async post(actor: Actor, organisationId: string, kind: PeerPostKind, skill: string, description: string): Promise<PeerPostResult> {
    if (!clusterAccess.actFor(actor.viewer, organisationId)) {
      return { errors: [refusal("organisationId", "NOT_ALLOWED", "Post offers and needs for an organisation you own or edit.")] };
    }
    return inTransaction(this.db, async (m) => {
      const organisation = await requireActiveOrganisation(m, organisationId, "organisationId");
      const c = new InputChecks();
      const wanted = skill.trim().toUpperCase();
      if (!SKILLS.has(wanted)) c.add("skill", "UNKNOWN_SKILL", `That is not a skill the network matches on; use one of ${[...SKILLS].join(", ")}.`);
      const text = c.text("description", description, { max: 1000, required: true });
      if (!c.ok) refuseAll(c.errors);
      const post = await m.save(m.create(PeerPost, { organisationId: organisation.id, kind, skill: wanted as Skill, description: text! }));
      await audit.record(m, actor, {
        action: kind === PeerPostKind.OFFER ? "peerPost.offer" : "peerPost.need", entityType: "PeerPost", entityId: post.id,
        after: { organisationId, kind, skill: post.skill, description: post.description },
      });
      return { post };
    });
  }

  async close(actor: Actor, postId: string): Promise<PeerPostResult> {
    return inTransaction(this.db, async (m) => {
      const ref = { noun: "offer or need", field: "postId" };
      await allowedFirst(m, actor, PeerPost, postId, {
        allows: (_m, a, p) => clusterAccess.actFor(a.viewer, p.organisationId), refusal: "Only the organisation's owners and editors close its offers and needs.",
      }, ref);
      const post = await lockRecord(m, PeerPost, postId, ref);
      if (post.status === PeerPostStatus.CLOSED) refuse("postId", "ALREADY_CLOSED", "That offer or need is already closed.");
      post.status = PeerPostStatus.CLOSED;
      post.closedAt = new Date();
      await m.save(post);
      await audit.record(m, actor, {
        action: "peerPost.close", entityType: "PeerPost", entityId: post.id, before: { status: PeerPostStatus.OPEN }, after: { status: post.status },
      });
      return { post };
    });
  }
}
