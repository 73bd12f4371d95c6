// The catalogue, kept by ADMIN: define a measure, change its name or definition, and add a proxy value from a day
// (a new version; earlier versions stay as they were, so past periods keep their value).
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../audit/audit";
import type { Actor } from "../../auth/viewer";
import { inTransaction } from "../../db/transaction";
import { InputChecks } from "../../kit/input-checks";
import { lockForEdit, saveChange } from "../../kit/records";
import { notAllowed, refuse, refuseAll, Result } from "../../kit/refusals";
import { impactAccess } from "./access";
import { ImpactAggregation, ImpactTheme, ImpactUnit } from "./impact.enums";
import { ImpactMetric, ImpactProxyValue } from "./metric.entity";
import { metricsByCode } from "./measurement-rules";

export type MetricResult = Result<{ metric: ImpactMetric }>;
export type ProxyValueResult = Result<{ metric: ImpactMetric; proxyValue: ImpactProxyValue }>;

export interface NewMetric {
  code: string;
  name: string;
  definition: string;
  unit: ImpactUnit;
  theme: ImpactTheme;
  aggregation: ImpactAggregation;
}

const CODE = /^[A-Z][A-Z0-9_]{1,59}$/;
/** £1bn per unit: far beyond any published proxy. */
const MAX_PROXY_PENCE = 100_000_000_000;
const adminOnly = notAllowed("Only ADMIN keeps the impact catalogue.");
const snapshot = (x: ImpactMetric) => ({ name: x.name, definition: x.definition });

export class CatalogueService {
  constructor(private readonly db: DataSource | EntityManager) {}

  async define(actor: Actor, input: NewMetric): Promise<MetricResult> {
    if (!impactAccess.administer(actor.viewer)) return { errors: [adminOnly] };
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      if (!CODE.test(input.code)) c.add("code", "INVALID_CODE", "Codes are 2 to 60 capital letters, digits and underscores, starting with a letter.");
      const name = c.text("name", input.name, { max: 200, required: true });
      const definition = c.text("definition", input.definition, { max: 2000, required: true });
      if (c.ok && (await metricsByCode(m, [input.code])).has(input.code)) c.add("code", "DUPLICATE_CODE", "A measure already has that code.");
      if (!c.ok) refuseAll(c.errors);
      const metric = await m.save(m.create(ImpactMetric, { ...input, name: name!, definition: definition! }));
      await audit.record(m, actor, { action: "metric.define", entityType: "ImpactMetric", entityId: metric.id, after: { ...input, name, definition } });
      return { metric };
    });
  }

  async update(actor: Actor, metricId: string, input: { expectedVersion: number; name?: string | null; definition?: string | null }): Promise<MetricResult> {
    if (!impactAccess.administer(actor.viewer)) return { errors: [adminOnly] };
    return inTransaction(this.db, async (m) => {
      const metric = await lockForEdit(m, ImpactMetric, metricId, input.expectedVersion, { noun: "measure", field: "metricId" });
      const c = new InputChecks();
      const name = input.name == null ? metric.name : c.text("name", input.name, { max: 200, required: true })!;
      const definition = input.definition == null ? metric.definition : c.text("definition", input.definition, { max: 2000, required: true })!;
      if (!c.ok) refuseAll(c.errors);
      const before = snapshot(metric);
      Object.assign(metric, { name, definition });
      return { metric: await saveChange(m, actor, metric, { action: "metric.update", before, after: snapshot(metric) }) };
    });
  }

  /** A proxy value from `validFrom`: periods ending on or after it (until a later version's day) are valued at it. */
  async addProxyValue(actor: Actor, input: { metricCode: string; valuePerUnitPence: number; validFrom: string; source: string; demo?: boolean }): Promise<ProxyValueResult> {
    if (!impactAccess.administer(actor.viewer)) return { errors: [adminOnly] };
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const metric = (await metricsByCode(m, [input.metricCode])).get(input.metricCode);
      if (!metric) c.add("metricCode", "UNKNOWN_METRIC", "No measure in the catalogue has that code.");
      c.pence("valuePerUnitPence", input.valuePerUnitPence, { min: 0, max: MAX_PROXY_PENCE, label: "value per unit" });
      const source = c.text("source", input.source, { max: 500, required: true });
      if (!c.ok) refuseAll(c.errors);
      // Versions of one measure are numbered in the order they are added; the lock keeps two additions from sharing one.
      await m.query("SELECT id FROM impact_metric WHERE id = $1 FOR UPDATE", [metric!.id]);
      const [{ taken, last }] = await m.query(
        "SELECT bool_or(valid_from = $2) AS taken, coalesce(max(version), 0)::int AS last FROM impact_proxy_value WHERE metric_id = $1",
        [metric!.id, input.validFrom],
      );
      if (taken) refuse("validFrom", "DUPLICATE_PROXY_DAY", "The measure already has a proxy value from that day.");
      const proxyValue = await m.save(m.create(ImpactProxyValue, {
        metricId: metric!.id, version: last + 1, valuePerUnitPence: input.valuePerUnitPence, validFrom: input.validFrom, source: source!,
        demo: input.demo ?? false, recordedBy: actor.viewer.userId,
      }));
      await audit.record(m, actor, {
        action: "metric.addProxyValue", entityType: "ImpactMetric", entityId: metric!.id,
        after: { version: proxyValue.version, valuePerUnitPence: input.valuePerUnitPence, validFrom: input.validFrom, source },
      });
      return { metric: metric!, proxyValue };
    });
  }
}
