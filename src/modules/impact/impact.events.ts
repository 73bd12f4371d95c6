// The domain events of impact: a measurement recorded, corrected or verified, and a CSV import as one event. Each is
// recorded through domainEvents.record in the transaction of its change. Data carries ids, the measure's code, the
// period and the version; never the figures themselves, which are the organisation's members' (and ADMIN's) to read.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { domainEvents } from "../../events/domain-events";

interface MeasurementFacts {
  id: string;
  organisationId: string;
  periodStart: string;
  periodEnd: string;
  version: number;
}

const about = (x: MeasurementFacts, metricCode: string) => ({
  organisationId: x.organisationId, metricCode, periodStart: x.periodStart, periodEnd: x.periodEnd, version: x.version,
});

export const impactEvents = {
  recorded: (m: EntityManager, actor: Actor, x: MeasurementFacts, metricCode: string) =>
    domainEvents.record(m, actor, { type: "measurement.recorded", subjectType: "ImpactMeasurement", subjectId: x.id, data: about(x, metricCode) }),
  corrected: (m: EntityManager, actor: Actor, x: MeasurementFacts, metricCode: string) =>
    domainEvents.record(m, actor, { type: "measurement.corrected", subjectType: "ImpactMeasurement", subjectId: x.id, data: about(x, metricCode) }),
  verified: (m: EntityManager, actor: Actor, x: MeasurementFacts, metricCode: string) =>
    domainEvents.record(m, actor, { type: "measurement.verified", subjectType: "ImpactMeasurement", subjectId: x.id, data: about(x, metricCode) }),
  /** One event for a whole import (not one per row): consumers reread the organisations' measurements if they need them. */
  imported: (m: EntityManager, actor: Actor, importId: string, d: { rows: number; organisationIds: string[] }) =>
    domainEvents.record(m, actor, { type: "measurements.imported", subjectType: "MeasurementImport", subjectId: importId, data: d }),
};
