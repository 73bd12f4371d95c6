// Accepting a match (an AGREED exchange between two organisations) and recording the help given (COMPLETED).
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { inTransaction, sqlState } from "../../../db/transaction";
import { clusterAccess } from "../access";
import { PeerExchangeStatus, PeerPostKind, PeerPostStatus } from "../cluster.enums";
import { PeerPost } from "./peer-post.entity";
import { PeerExchange } from "./peer-exchange.entity";
import { requireActiveOrganisation } from "../clusters/guards";
import { refuse, refuseAll, Result } from "../../../kit/refusals";
import { allowedFirst, lockRecord } from "../../../kit/records";
import { InputChecks } from "../../../kit/input-checks";
import { londonDate } from "../../../kit/calendar";

export type PeerExchangeResult = Result<{ exchange: PeerExchange }>;

async function lockPost(m: EntityManager, id: string, kind: PeerPostKind, field: string): Promise<PeerPost> {
  const post = await m.findOne(PeerPost, { where: { id, kind }, lock: { mode: "pessimistic_write" } });
  if (!post) refuse(field, "NOT_FOUND", kind === PeerPostKind.NEED ? "No need has that ID." : "No offer has that ID.");
  if (post.status !== PeerPostStatus.OPEN) refuse(field, "POST_CLOSED", kind === PeerPostKind.NEED ? "That need is closed." : "That offer is closed.");
  return post;
}

export class ExchangesService {
  constructor(private readonly db: DataSource) {}

  /** The organisation with the need accepts an offer that meets it; one exchange per need and offer. */
  async accept(actor: Actor, needId: string, offerId: string): Promise<PeerExchangeResult> {
    return inTransaction(this.db, async (m) => {
      await allowedFirst(m, actor, PeerPost, needId, {
        allows: (_m, a, need) => clusterAccess.actFor(a.viewer, need.organisationId), refusal: "Accept matches for an organisation you own or edit.",
      }, { noun: "need", field: "needId" });
      const need = await lockPost(m, needId, PeerPostKind.NEED, "needId");
      const offer = await lockPost(m, offerId, PeerPostKind.OFFER, "offerId");
      if (offer.organisationId === need.organisationId) refuse("offerId", "SAME_ORGANISATION", "An organisation cannot accept its own offer.");
      if (offer.skill !== need.skill) refuse("offerId", "NOT_A_MATCH", `That offer is for ${offer.skill}, the need for ${need.skill}.`);
      await requireActiveOrganisation(m, offer.organisationId, "offerId");
      const exchange = await m.save(m.create(PeerExchange, {
        needId, offerId, giverId: offer.organisationId, receiverId: need.organisationId, agreedOn: londonDate(),
      })).catch((e) => (sqlState(e) === "23505" ? refuse("offerId", "ALREADY_ACCEPTED", "That match has already been accepted.") : Promise.reject(e)));
      await audit.record(m, actor, {
        action: "peerExchange.accept", entityType: "PeerExchange", entityId: exchange.id,
        after: { needId, offerId, giverId: exchange.giverId, receiverId: exchange.receiverId, agreedOn: exchange.agreedOn },
      });
      return { exchange };
    });
  }

  /** Either organisation's owners or editors record the hours and outcome once the help has been given. */
  async record(actor: Actor, exchangeId: string, input: { hoursGiven: number; outcome: string; completedOn?: string | null }): Promise<PeerExchangeResult> {
    return inTransaction(this.db, async (m) => {
      const ref = { noun: "exchange", field: "exchangeId" };
      await allowedFirst(m, actor, PeerExchange, exchangeId, {
        allows: (_m, a, e) => clusterAccess.actFor(a.viewer, e.giverId) || clusterAccess.actFor(a.viewer, e.receiverId),
        refusal: "Only the two organisations' owners and editors record an exchange.",
      }, ref);
      const exchange = await lockRecord(m, PeerExchange, exchangeId, ref);
      if (exchange.status === PeerExchangeStatus.COMPLETED) refuse("exchangeId", "ALREADY_RECORDED", "That exchange has already been recorded.");
      const c = new InputChecks();
      c.int("hoursGiven", input.hoursGiven, 0, 10000);
      const outcome = c.text("outcome", input.outcome, { max: 2000, required: true });
      const today = londonDate();
      const completedOn = input.completedOn ?? today;
      if (completedOn > today) c.add("completedOn", "IN_FUTURE", "The exchange cannot be completed in the future.");
      if (completedOn < exchange.agreedOn) c.add("completedOn", "BEFORE_AGREED", `The match was accepted on ${exchange.agreedOn}; it was completed on or after that.`);
      if (!c.ok) refuseAll(c.errors);
      Object.assign(exchange, { status: PeerExchangeStatus.COMPLETED, hoursGiven: input.hoursGiven, outcome: outcome!, completedOn });
      await m.save(exchange);
      await audit.record(m, actor, {
        action: "peerExchange.record", entityType: "PeerExchange", entityId: exchange.id,
        before: { status: PeerExchangeStatus.AGREED }, after: { status: exchange.status, hoursGiven: exchange.hoursGiven, outcome: exchange.outcome, completedOn },
      });
      return { exchange };
    });
  }
}
