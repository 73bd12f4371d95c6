// Applications for funding: draft, change, submit (only STO-eligible organisations, with every partner of a collective
// application consenting and eligible too, into a round taking applications) and withdraw before an offer.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { once } from "../../../db/idempotency";
import { inTransaction } from "../../../db/transaction";
import { organisationsApi } from "../../organisations/organisations.api";
import { fundAccess } from "../access";
import { FundingApplication } from "./application.entity";
import { ApplicationPartner } from "./application-partner.entity";
import { requirePartnersReady } from "./application-partners";
import { moveApplication } from "./application.transitions";
import { Fund } from "../rounds/fund.entity";
import { FundRound } from "../rounds/round.entity";
import { takesApplications } from "../rounds/round.transitions";
import { ApplicationStatus, FundStatus, PartnerConsent } from "../funds.enums";
import { ActRule, allowedFirst, lockRecord, requireVersion, saveChange } from "../../../kit/records";
import { formatPence as pounds } from "../../../kit/money";
import { WRONG_STATUS } from "../../../kit/lifecycle";
import { notAllowed, refusal, refuse, refuseAll, Result } from "../../../kit/refusals";
import { InputChecks } from "../../../kit/input-checks";
import { londonDate } from "../../../kit/calendar";

export type ApplicationResult = Result<{ application: FundingApplication }>;

export interface ApplicationContent {
  roundId?: string | null;
  requestedPence?: number | null;
  purpose?: string | null;
  cashRepaymentPlan?: string | null;
  socialRepaymentPlan?: string | null;
}

export interface NewApplication extends ApplicationContent {
  organisationId: string;
  fundId: string;
  requestedPence: number;
  purpose: string;
}

/** Submit either a new application (organisation, fund and content) or an existing draft (its ID and version only). */
export interface SubmitApplication extends ApplicationContent {
  applicationId?: string | null;
  expectedVersion?: number | null;
  organisationId?: string | null;
  fundId?: string | null;
  idempotencyKey: string;
}

const NEW_APPLICATION_FIELDS = ["organisationId", "fundId", "roundId", "requestedPence", "purpose", "cashRepaymentPlan", "socialRepaymentPlan"] as const;

/** Checks content against the fund; returns the fields to store (only those given). */
async function checkContent(c: InputChecks, m: EntityManager, fund: Fund, input: ApplicationContent): Promise<Partial<FundingApplication>> {
  const out: Partial<FundingApplication> = {};
  if (input.purpose !== undefined) out.purpose = c.text("purpose", input.purpose, { max: 5000, required: true }) ?? "";
  for (const field of ["cashRepaymentPlan", "socialRepaymentPlan"] as const) {
    if (input[field] !== undefined) out[field] = c.text(field, input[field], { max: 5000 }) ?? null;
  }
  if (input.requestedPence !== undefined) {
    if (input.requestedPence === null) c.add("requestedPence", "REQUIRED", "Say how much you are asking for.");
    else c.pence("requestedPence", input.requestedPence, { min: fund.minAwardPence, max: fund.maxAwardPence, label: "amount requested" });
    out.requestedPence = input.requestedPence ?? undefined;
  }
  if (input.roundId) {
    const round = await m.findOneBy(FundRound, { id: input.roundId });
    if (!round || round.fundId !== fund.id) c.add("roundId", "NOT_FOUND", "That round is not one of this fund's.");
    out.roundId = input.roundId;
  } else if (input.roundId === null) out.roundId = null;
  return out;
}

async function loadFund(m: EntityManager, fundId: string): Promise<Fund> {
  return (await m.findOneBy(Fund, { id: fundId })) ?? refuse("fundId", "NOT_FOUND", "No fund has that ID.");
}

const cannotActFor = notAllowed("Only the organisation's owners and editors (and ADMIN) act on its applications.");

/** Acting on an application: its organisation's owners and editors, and ADMIN. */
const actsOnApplication: ActRule<FundingApplication> = {
  allows: (_m, actor, application) => fundAccess.actFor(actor.viewer, application.organisationId),
  refusal: cannotActFor.message,
};

/** Locks the application for a change by someone who acts for its organisation (asked before the lock). */
async function lockToActOn(m: EntityManager, actor: Actor, id: string): Promise<FundingApplication> {
  const ref = { noun: "application", field: "applicationId" };
  await allowedFirst(m, actor, FundingApplication, id, actsOnApplication, ref);
  return lockRecord(m, FundingApplication, id, ref);
}

export class ApplicationsService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  async draft(actor: Actor, input: NewApplication): Promise<ApplicationResult> {
    if (!fundAccess.actFor(actor.viewer, input.organisationId)) return { errors: [cannotActFor] };
    return inTransaction(this.db, async (m) => ({ application: await this.create(m, actor, input) }));
  }

  async update(actor: Actor, applicationId: string, input: ApplicationContent & { expectedVersion: number }): Promise<ApplicationResult> {
    return inTransaction(this.db, async (m) => {
      const application = await lockToActOn(m, actor, applicationId);
      requireVersion(application, input.expectedVersion, "application");
      if (application.status !== ApplicationStatus.DRAFT) {
        refuse(null, WRONG_STATUS, `Only drafts can be changed; this application is ${application.status}.`);
      }
      const c = new InputChecks();
      const changes = await checkContent(c, m, await loadFund(m, application.fundId), input);
      if (!c.ok) refuseAll(c.errors);
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, application[k as keyof FundingApplication]]));
      await saveChange(m, actor, Object.assign(application, changes), { action: "application.update", before, after: changes });
      // Partners consented to the words as they stood: a changed draft asks them again.
      const asked = await m.update(ApplicationPartner, { applicationId, consent: PartnerConsent.CONSENTED },
        { consent: PartnerConsent.INVITED, respondedBy: null, respondedAt: null });
      if (asked.affected) {
        await audit.record(m, actor, {
          action: "application.partnersAskedAgain", entityType: "FundingApplication", entityId: applicationId, after: { partnersAskedAgain: asked.affected },
        });
      }
      return { application };
    });
  }

  /**
   * Submits a new application in one step, or an existing draft as it stands. Either way the organisation must be an
   * eligible STO and the round must be taking applications (without a round, the fund's open round closing soonest).
   */
  async submit(actor: Actor, input: SubmitApplication): Promise<ApplicationResult> {
    // Money is asked for by people whose email is known to be theirs.
    if (actor.viewer.unverified) {
      return { errors: [refusal(null, "EMAIL_NOT_VERIFIED", "Verify your email (follow the link we sent you) before submitting an application.")] };
    }
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const key = c.idempotencyKey(input.idempotencyKey);
      if (!c.ok) refuseAll(c.errors);
      const { idempotencyKey: _key, ...request } = input;
      return once<ApplicationResult>(m, actor, { operation: "funds.submitApplication", key, input: request }, async () => {
        const application = input.applicationId
          ? await this.draftToSubmit(m, actor, input)
          : await this.createForSubmission(m, actor, input);
        const fund = await loadFund(m, application.fundId);
        if (fund.status !== FundStatus.OPEN) refuse("fundId", "FUND_CLOSED", "This fund is closed to new applications.");
        if (!(await organisationsApi.isEligibleSto(m, application.organisationId))) {
          refuse("organisationId", "NOT_ELIGIBLE",
            "Only organisations assessed as eligible socially trading organisations (STOs) may apply. Ask the network for an eligibility assessment.");
        }
        await requirePartnersReady(m, application.id);
        if (application.requestedPence < fund.minAwardPence || application.requestedPence > fund.maxAwardPence) {
          refuse("requestedPence", "AMOUNT_OUT_OF_RANGE", `This fund awards from ${pounds(fund.minAwardPence)} to ${pounds(fund.maxAwardPence)}.`);
        }
        const round = await this.roundFor(m, fund, application.roundId);
        const submitted = await moveApplication(m, actor, application, ApplicationStatus.SUBMITTED, { roundId: round.id, submittedAt: new Date() });
        return { ref: submitted.id, result: { application: submitted } };
      }, async (ref) => ({ application: await m.findOneByOrFail(FundingApplication, { id: ref }) }));
    });
  }

  async withdraw(actor: Actor, applicationId: string, input: { expectedVersion: number }): Promise<ApplicationResult> {
    return inTransaction(this.db, async (m) => {
      const application = await lockToActOn(m, actor, applicationId);
      requireVersion(application, input.expectedVersion, "application");
      return { application: await moveApplication(m, actor, application, ApplicationStatus.WITHDRAWN) };
    });
  }

  private async create(m: EntityManager, actor: Actor, input: NewApplication): Promise<FundingApplication> {
    const fund = await loadFund(m, input.fundId);
    const c = new InputChecks();
    const content = await checkContent(c, m, fund, input);
    if (!(await organisationsApi.byIds(m, [input.organisationId])).has(input.organisationId)) {
      c.add("organisationId", "NOT_FOUND", "No organisation has that ID.");
    }
    if (fund.status !== FundStatus.OPEN) c.add("fundId", "FUND_CLOSED", "This fund is closed to new applications.");
    if (!c.ok) refuseAll(c.errors);
    const application = await m.save(m.create(FundingApplication, {
      ...content, fundId: fund.id, organisationId: input.organisationId, createdBy: actor.viewer.userId,
    }));
    await audit.record(m, actor, {
      action: "application.draft", entityType: "FundingApplication", entityId: application.id,
      after: { fundId: fund.id, organisationId: input.organisationId, ...content },
    });
    return application;
  }

  private async createForSubmission(m: EntityManager, actor: Actor, input: SubmitApplication): Promise<FundingApplication> {
    const c = new InputChecks();
    for (const field of ["organisationId", "fundId", "requestedPence", "purpose"] as const) {
      if (input[field] === undefined || input[field] === null) c.add(field, "REQUIRED", `Give ${field} (or the applicationId of a draft).`);
    }
    if (!c.ok) refuseAll(c.errors);
    const fresh = input as NewApplication;
    if (!fundAccess.actFor(actor.viewer, fresh.organisationId)) refuseAll([cannotActFor]);
    return this.create(m, actor, fresh);
  }

  /** A draft is submitted exactly as it was last saved, so nobody submits words they have not seen. */
  private async draftToSubmit(m: EntityManager, actor: Actor, input: SubmitApplication): Promise<FundingApplication> {
    const c = new InputChecks();
    for (const field of NEW_APPLICATION_FIELDS) {
      if (input[field] !== undefined && input[field] !== null) c.add(field, "DRAFT_FIELD", "To change a draft, update it first; submitting a draft takes only its ID and version.");
    }
    if (input.expectedVersion === undefined || input.expectedVersion === null) c.add("expectedVersion", "REQUIRED", "Give the version of the draft you are submitting.");
    if (!c.ok) refuseAll(c.errors);
    const application = await lockToActOn(m, actor, input.applicationId!);
    requireVersion(application, input.expectedVersion!, "application");
    return application;
  }

  private async roundFor(m: EntityManager, fund: Fund, roundId: string | null): Promise<FundRound> {
    const today = this.today();
    if (roundId) {
      const round = await m.findOneByOrFail(FundRound, { id: roundId });
      if (!takesApplications(round, today)) {
        refuse("roundId", "ROUND_NOT_OPEN", `${round.name} takes applications from ${round.opensOn} to ${round.closesOn} while open; it is not taking them now.`);
      }
      return round;
    }
    const rounds = await m.find(FundRound, { where: { fundId: fund.id }, order: { closesOn: "ASC", id: "ASC" } });
    return rounds.find((r) => takesApplications(r, today))
      ?? refuse("fundId", "NO_OPEN_ROUND", `${fund.name} has no round taking applications today.`);
  }
}
