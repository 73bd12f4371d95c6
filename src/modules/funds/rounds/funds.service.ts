// Funds, their contributions and rounds: ADMIN sets up a fund, records money contributed and opens and closes rounds.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { once } from "../../../db/idempotency";
import { inTransaction, sqlState } from "../../../db/transaction";
import { clustersApi } from "../../clusters/clusters.api";
import { fundAccess } from "../access";
import { Fund } from "./fund.entity";
import { FundRound } from "./round.entity";
import { Contribution } from "./contribution.entity";
import { ledger } from "../ledger/ledger";
import { FundStatus, MajorityRule, RoundStatus } from "../funds.enums";
import { moveRound } from "./round.transitions";
import { checkDay, lockFund, MAX_MOVEMENT_PENCE, onlyAdmin } from "../fund-rules";
import { refuse, refuseAll, Result } from "../../../kit/refusals";
import { lockForEdit, saveChange } from "../../../kit/records";
import { InputChecks } from "../../../kit/input-checks";
import { londonDate } from "../../../kit/calendar";

export type FundResult = Result<{ fund: Fund }>;
export type ContributionResult = Result<{ contribution: Contribution }>;
export type RoundResult = Result<{ round: FundRound }>;

export interface FundTerms {
  name?: string | null;
  description?: string | null;
  minAwardPence?: number | null;
  maxAwardPence?: number | null;
}

/** Checks a fund's name, description and award limits; returns the cleaned values. */
function checkTerms(c: InputChecks, t: FundTerms, current?: Fund) {
  const name = t.name === undefined ? current?.name : c.text("name", t.name, { max: 200, required: true });
  const description = t.description === undefined ? current?.description : c.text("description", t.description, { max: 5000 });
  c.pence("minAwardPence", t.minAwardPence, { min: 1, max: MAX_MOVEMENT_PENCE, label: "smallest award" });
  c.pence("maxAwardPence", t.maxAwardPence, { min: 1, max: MAX_MOVEMENT_PENCE, label: "largest award" });
  const minAwardPence = t.minAwardPence ?? current?.minAwardPence ?? 100_000;
  const maxAwardPence = t.maxAwardPence ?? current?.maxAwardPence ?? 10_000_000;
  if (c.ok && maxAwardPence < minAwardPence) c.add("maxAwardPence", "LIMITS_CROSSED", "The largest award cannot be smaller than the smallest.");
  return { name: name ?? "", description: description ?? null, minAwardPence, maxAwardPence };
}

/** A decision rests on at least three counted views unless the round says otherwise (issue 12: panels decide together). */
const DEFAULT_QUORUM = 3;
const MAX_QUORUM = 50;

function nameTaken(error: unknown, field: string, message: string): never {
  if (sqlState(error) === "23505") refuse(field, "NAME_TAKEN", message);
  throw error;
}

export class FundsService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  async createFund(actor: Actor, input: FundTerms & { name: string }): Promise<FundResult> {
    if (!fundAccess.manage(actor.viewer)) return onlyAdmin("create funds");
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const terms = checkTerms(c, input);
      if (!c.ok) refuseAll(c.errors);
      const fund = await m.save(m.create(Fund, terms))
        .catch((e) => nameTaken(e, "name", "A fund already has that name."));
      await audit.record(m, actor, { action: "fund.create", entityType: "Fund", entityId: fund.id, after: terms });
      return { fund };
    });
  }

  async updateFund(actor: Actor, fundId: string, input: FundTerms & { expectedVersion: number; status?: FundStatus | null }): Promise<FundResult> {
    if (!fundAccess.manage(actor.viewer)) return onlyAdmin("change funds");
    return inTransaction(this.db, async (m) => {
      const fund = await lockForEdit(m, Fund, fundId, input.expectedVersion, { noun: "fund", field: "fundId" });
      const c = new InputChecks();
      const terms = checkTerms(c, input, fund);
      if (input.status === null) c.add("status", "REQUIRED", "A fund is OPEN or CLOSED; status cannot be cleared.");
      if (!c.ok) refuseAll(c.errors);
      const before = { name: fund.name, description: fund.description, status: fund.status, minAwardPence: fund.minAwardPence, maxAwardPence: fund.maxAwardPence };
      Object.assign(fund, terms, { status: input.status ?? fund.status });
      await saveChange(m, actor, fund, { action: "fund.update", before, after: { ...terms, status: fund.status } })
        .catch((e) => nameTaken(e, "name", "Another fund already has that name."));
      return { fund };
    });
  }

  async addContribution(actor: Actor, fundId: string, input: {
    contributor: string; amountPence: number; receivedOn: string; restriction?: string | null; idempotencyKey: string;
  }): Promise<ContributionResult> {
    if (!fundAccess.manage(actor.viewer)) return onlyAdmin("record contributions");
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const contributor = c.text("contributor", input.contributor, { max: 200, required: true }) ?? "";
      const restriction = c.text("restriction", input.restriction, { max: 2000 }) ?? null;
      c.pence("amountPence", input.amountPence, { min: 1, max: MAX_MOVEMENT_PENCE, label: "contribution" });
      checkDay(c, "receivedOn", input.receivedOn, this.today());
      const key = c.idempotencyKey(input.idempotencyKey);
      if (!c.ok) refuseAll(c.errors);
      const request = { fundId, contributor, restriction, amountPence: input.amountPence, receivedOn: input.receivedOn };
      return once<ContributionResult>(m, actor, { operation: "funds.addContribution", key, input: request }, async () => {
        await lockFund(m, fundId);
        const id = await ledger.contribution(m, actor, {
          fundId, contributor, restriction, pence: input.amountPence, occurredOn: input.receivedOn,
        });
        const contribution = m.create(Contribution, { id, contributor, restriction });
        await audit.record(m, actor, { action: "fund.contribute", entityType: "Fund", entityId: fundId, after: { ...request, contributionId: contribution.id } });
        return { ref: contribution.id, result: { contribution } };
      }, async (ref) => ({ contribution: await m.findOneByOrFail(Contribution, { id: ref }) }));
    });
  }

  /**
   * Opens a round with its panel and its decision rule (quorum and majority), which are fixed from then on: nobody
   * changes how a round decides while its applications are before the panel.
   */
  async openRound(actor: Actor, fundId: string, input: {
    name: string; opensOn: string; closesOn: string; panelId: string; quorum?: number | null; majorityRule?: MajorityRule | null;
  }): Promise<RoundResult> {
    if (!fundAccess.manage(actor.viewer)) return onlyAdmin("open rounds");
    return inTransaction(this.db, async (m) => {
      const fund = await lockFund(m, fundId);
      const c = new InputChecks();
      const name = c.text("name", input.name, { max: 200, required: true });
      if (input.closesOn < input.opensOn) c.add("closesOn", "BEFORE_OPENING", "A round cannot close before it opens.");
      const quorum = input.quorum ?? DEFAULT_QUORUM;
      if (!Number.isInteger(quorum) || quorum < 1 || quorum > MAX_QUORUM) c.add("quorum", "OUT_OF_RANGE", `A quorum is from 1 to ${MAX_QUORUM} counted views.`);
      const majorityRule = input.majorityRule ?? MajorityRule.SIMPLE_MAJORITY;
      if (!(await clustersApi.panelExists(m, input.panelId))) c.add("panelId", "NOT_FOUND", "No peer panel has that ID.");
      if (fund.status === FundStatus.CLOSED) c.add("fundId", "FUND_CLOSED", "This fund is closed; it opens no more rounds.");
      if (!c.ok) refuseAll(c.errors);
      const round = await m.save(m.create(FundRound, { fundId, name: name!, opensOn: input.opensOn, closesOn: input.closesOn, panelId: input.panelId, quorum, majorityRule }))
        .catch((e) => nameTaken(e, "name", "This fund already has a round with that name."));
      await audit.record(m, actor, {
        action: "fundRound.open", entityType: "FundRound", entityId: round.id,
        after: { fundId, name: round.name, opensOn: round.opensOn, closesOn: round.closesOn, panelId: round.panelId, quorum, majorityRule },
      });
      return { round };
    });
  }

  async closeRound(actor: Actor, roundId: string, input: { expectedVersion: number }): Promise<RoundResult> {
    if (!fundAccess.manage(actor.viewer)) return onlyAdmin("close rounds");
    return inTransaction(this.db, async (m) => {
      const round = await lockForEdit(m, FundRound, roundId, input.expectedVersion, { noun: "round", field: "roundId" });
      return { round: await moveRound(m, actor, round, RoundStatus.CLOSED) };
    });
  }
}
