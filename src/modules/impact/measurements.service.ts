// Measurements and yearly facts: an organisation's owners and editors record and correct what it reports (a correction
// keeps the figures it replaces as a revision); ADMIN verifies. Every change is audited in its own transaction.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../audit/audit";
import type { Actor } from "../../auth/viewer";
import { inTransaction } from "../../db/transaction";
import { InputChecks } from "../../kit/input-checks";
import { londonDate } from "../../kit/calendar";
import { ActRule, lockForEdit, saveChange } from "../../kit/records";
import { notAllowed, refuse, refuseAll, Result } from "../../kit/refusals";
import { impactAccess } from "./access";
import { MeasurementSource } from "./impact.enums";
import { ImpactMeasurement, MeasurementRevision } from "./measurement.entity";
import { ImpactMetric } from "./metric.entity";
import { OrganisationYear } from "./organisation-year.entity";
import { checkEvidence, checkPeriod, checkQuantity, checkReporter, metricsByCode } from "./measurement-rules";

export type MeasurementResult = Result<{ measurement: ImpactMeasurement }>;
export type OrganisationYearResult = Result<{ organisationYear: OrganisationYear }>;

export interface NewMeasurement {
  organisationId: string;
  metricCode: string;
  periodStart: string;
  periodEnd: string;
  quantity: number;
  evidence?: string | null;
}

export interface Correction {
  expectedVersion: number;
  periodStart?: string | null;
  periodEnd?: string | null;
  quantity?: number | null;
  evidence?: string | null;
  reason: string;
}

export interface YearFacts {
  organisationId: string;
  year: number;
  /** Null for a year not recorded yet. */
  expectedVersion?: number | null;
  turnoverPence?: number | null;
  employeesFte?: number | null;
  volunteers?: number | null;
  externalFundingPence?: number | null;
}

const MAX_PENCE = 100_000_000_000_00;
const cannotReport = notAllowed("Only the organisation's owners and editors (and ADMIN) report its impact.");
/** Correcting a measurement: asked before anything is locked or its version told (kit/records `allowedFirst`). */
const reportsOn: ActRule<ImpactMeasurement> = { allows: (_m, actor, x) => impactAccess.report(actor.viewer, x.organisationId), refusal: cannotReport.message };
const snapshot = (x: ImpactMeasurement) => ({
  periodStart: x.periodStart, periodEnd: x.periodEnd, quantity: x.quantity, evidence: x.evidence, source: x.source,
});

export class MeasurementsService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  async record(actor: Actor, input: NewMeasurement): Promise<MeasurementResult> {
    if (!impactAccess.report(actor.viewer, input.organisationId)) return { errors: [cannotReport] };
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const metric = (await metricsByCode(m, [input.metricCode])).get(input.metricCode);
      if (!metric) c.add("metricCode", "UNKNOWN_METRIC", "No measure in the catalogue has that code.");
      await checkReporter(c, m, input.organisationId);
      checkPeriod(c, input.periodStart, input.periodEnd, this.today());
      if (metric) checkQuantity(c, metric, input.quantity);
      const evidence = checkEvidence(c, input.evidence);
      if (!c.ok) refuseAll(c.errors);
      const measurement = await m.save(m.create(ImpactMeasurement, {
        organisationId: input.organisationId, metricId: metric!.id, periodStart: input.periodStart, periodEnd: input.periodEnd,
        quantity: input.quantity, evidence, source: MeasurementSource.SELF_REPORTED, recordedBy: actor.viewer.userId,
      }));
      await audit.record(m, actor, {
        action: "measurement.record", entityType: "ImpactMeasurement", entityId: measurement.id,
        after: { ...snapshot(measurement), organisationId: input.organisationId, metricCode: input.metricCode },
      });
      return { measurement };
    });
  }

  /** A correction: new figures as a new version (unverified again), the old ones kept as a revision with the reason. */
  async correct(actor: Actor, measurementId: string, input: Correction): Promise<MeasurementResult> {
    return inTransaction(this.db, async (m) => {
      const x = await lockForEdit(m, ImpactMeasurement, measurementId, input.expectedVersion, { noun: "measurement", field: "measurementId", actor, rule: reportsOn });
      const c = new InputChecks();
      const reason = c.text("reason", input.reason, { max: 2000, required: true, label: "reason for the correction" });
      const metric = await m.findOneByOrFail(ImpactMetric, { id: x.metricId });
      const next = {
        periodStart: input.periodStart ?? x.periodStart, periodEnd: input.periodEnd ?? x.periodEnd,
        quantity: input.quantity ?? x.quantity, evidence: input.evidence === undefined ? x.evidence : checkEvidence(c, input.evidence),
      };
      await checkReporter(c, m, x.organisationId);
      checkPeriod(c, next.periodStart, next.periodEnd, this.today());
      checkQuantity(c, metric, next.quantity);
      if (!c.ok) refuseAll(c.errors);
      const before = snapshot(x);
      await m.insert(MeasurementRevision, {
        measurementId: x.id, version: x.version, periodStart: x.periodStart, periodEnd: x.periodEnd, quantity: x.quantity,
        evidence: x.evidence, source: x.source, reason: reason!, replacedBy: actor.viewer.userId,
      });
      Object.assign(x, next, { source: MeasurementSource.SELF_REPORTED, verifiedAt: null, verifiedBy: null });
      const measurement = await saveChange(m, actor, x, { action: "measurement.correct", before, after: { ...snapshot(x), reason } });
      return { measurement };
    });
  }

  async verify(actor: Actor, measurementId: string, expectedVersion: number): Promise<MeasurementResult> {
    if (!impactAccess.administer(actor.viewer)) return { errors: [notAllowed("Only ADMIN verifies measurements.")] };
    return inTransaction(this.db, async (m) => {
      const x = await lockForEdit(m, ImpactMeasurement, measurementId, expectedVersion, { noun: "measurement", field: "measurementId" });
      if (x.source === MeasurementSource.VERIFIED) refuse("measurementId", "ALREADY_VERIFIED", "That measurement is verified already.");
      const before = snapshot(x);
      Object.assign(x, { source: MeasurementSource.VERIFIED, verifiedAt: new Date(), verifiedBy: actor.viewer.userId });
      return { measurement: await saveChange(m, actor, x, { action: "measurement.verify", before, after: snapshot(x) }) };
    });
  }

  /** Records or changes an organisation's facts for a year (expectedVersion null for a year not recorded yet). */
  async setYear(actor: Actor, input: YearFacts): Promise<OrganisationYearResult> {
    if (!impactAccess.report(actor.viewer, input.organisationId)) return { errors: [cannotReport] };
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      c.int("year", input.year, 1990, Number(this.today().slice(0, 4)));
      c.pence("turnoverPence", input.turnoverPence, { min: 0, max: MAX_PENCE, label: "turnover" });
      c.pence("externalFundingPence", input.externalFundingPence, { min: 0, max: MAX_PENCE, label: "external funding" });
      c.int("volunteers", input.volunteers, 0, 1_000_000);
      const fte = input.employeesFte;
      if (fte !== undefined && fte !== null && (!Number.isFinite(fte) || fte < 0 || fte > 1_000_000 || Math.round(fte * 100) !== Number((fte * 100).toFixed(6)))) {
        c.add("employeesFte", "OUT_OF_RANGE", "Give employees as full-time equivalents from 0, to at most two decimal places.");
      }
      await checkReporter(c, m, input.organisationId);
      if (!c.ok) refuseAll(c.errors);
      const key = { organisationId: input.organisationId, year: input.year };
      const existing = await m.findOne(OrganisationYear, { where: key, lock: { mode: "pessimistic_write" } });
      const facts = {
        turnoverPence: input.turnoverPence ?? null, employeesFte: fte ?? null, volunteers: input.volunteers ?? null,
        externalFundingPence: input.externalFundingPence ?? null,
      };
      if (!existing) {
        if (input.expectedVersion) refuse("expectedVersion", "STALE_VERSION", "That year has no facts yet: leave expectedVersion out.");
        const organisationYear = await m.save(m.create(OrganisationYear, { ...key, ...facts, updatedBy: actor.viewer.userId }));
        await audit.record(m, actor, { action: "organisationYear.set", entityType: "OrganisationYear", entityId: input.organisationId, after: { year: input.year, ...facts } });
        return { organisationYear };
      }
      if (existing.version !== input.expectedVersion) {
        refuse("expectedVersion", "STALE_VERSION", `Someone else changed that year first (now version ${existing.version}). Reload it and apply your change again.`);
      }
      const before = { year: existing.year, turnoverPence: existing.turnoverPence, employeesFte: existing.employeesFte, volunteers: existing.volunteers, externalFundingPence: existing.externalFundingPence };
      Object.assign(existing, facts, { version: existing.version + 1, updatedAt: new Date(), updatedBy: actor.viewer.userId });
      const organisationYear = await m.save(existing);
      await audit.record(m, actor, { action: "organisationYear.set", entityType: "OrganisationYear", entityId: input.organisationId, before, after: { year: input.year, ...facts } });
      return { organisationYear };
    });
  }
}
