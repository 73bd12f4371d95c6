// Imports measurements from a CSV file in one transaction: every bad line is reported (by line number and column) and
// nothing is written unless every line is good. Rows go in with set-based inserts (unnest of arrays), so a file of
// 100,000 rows is a few statements; the import is one audit event and one domain event, each with the row count.
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../audit/audit";
import type { Actor } from "../../auth/viewer";
import { OrganisationRole } from "../../auth/roles";
import { isAdmin } from "../../auth/viewer";
import { inTransaction } from "../../db/transaction";
import { londonDate } from "../../kit/calendar";
import { notAllowed, refusal, Refusal, refuseAll, Result } from "../../kit/refusals";
import { impactAccess } from "./access";
import { impactEvents } from "./impact.events";
import { ImportRow, LineProblem, readMeasurementsCsv } from "./measurement-import.rows";
import { MeasurementImport } from "./impact.types";

/** Problems listed one by one; past this many the rest are counted in one last entry, so a payload stays readable. */
export const MAX_LISTED_PROBLEMS = 1000;
/** Rows per INSERT: each is one statement of seven array parameters. */
const BATCH = 20_000;

export type ImportResult = Result<{ imported: MeasurementImport }>;

const cannotImport = notAllowed("Only ADMIN and the owners and editors of organisations import measurements.");

export function problemsAsRefusals(problems: LineProblem[]): Refusal[] {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) =>
    refusal(["csv", `line ${p.line}`, ...(p.column ? [p.column] : [])], p.code, `Line ${p.line}: ${p.message}`));
  const rest = problems.length - listed.length;
  if (rest > 0) {
    const lines = new Set(problems.slice(MAX_LISTED_PROBLEMS).map((p) => p.line)).size;
    listed.push(refusal(["csv"], "TOO_MANY_PROBLEMS", `${rest} more problems on ${lines} more lines are not listed: fix these and send the file again.`));
  }
  return listed;
}

export class MeasurementImportService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  async importCsv(actor: Actor, csv: string): Promise<ImportResult> {
    const v = actor.viewer;
    // Access first: a person who reports for no organisation is refused before the file is read.
    const reportsForSome = isAdmin(v) || [...v.memberships.values()].some((r) => r === OrganisationRole.OWNER || r === OrganisationRole.EDITOR);
    if (v.scopes !== null || !reportsForSome) return { errors: [cannotImport] };
    return inTransaction(this.db, async (m) => {
      const read = await readMeasurementsCsv(m, csv, this.today(), (organisationId) => impactAccess.report(v, organisationId));
      if ("tooLarge" in read) refuseAll([refusal(["csv"], "FILE_TOO_LARGE", read.tooLarge)]);
      if ("problems" in read) refuseAll(problemsAsRefusals(read.problems));
      const { rows } = read;
      for (let i = 0; i < rows.length; i += BATCH) await insertBatch(m, rows.slice(i, i + BATCH), v.userId);
      const importId = randomUUID();
      const organisationIds = [...new Set(rows.map((r) => r.organisationId))];
      await audit.record(m, actor, {
        action: "measurement.import", entityType: "MeasurementImport", entityId: importId,
        after: { rows: rows.length, organisations: organisationIds.length },
      });
      await impactEvents.imported(m, actor, importId, { rows: rows.length, organisationIds: organisationIds.slice(0, 1000) });
      return { imported: Object.assign(new MeasurementImport(), { rows: rows.length, organisations: organisationIds.length }) };
    });
  }
}

async function insertBatch(m: EntityManager, rows: ImportRow[], userId: string | null): Promise<void> {
  await m.query(
    `INSERT INTO impact_measurement (organisation_id, metric_id, period_start, period_end, quantity, evidence, recorded_by)
     SELECT o, x, s, e, q, ev, $7 FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[], $5::numeric[], $6::text[]) AS r(o, x, s, e, q, ev)`,
    [rows.map((r) => r.organisationId), rows.map((r) => r.metricId), rows.map((r) => r.periodStart), rows.map((r) => r.periodEnd),
      rows.map((r) => r.quantity), rows.map((r) => r.evidence), userId],
  );
}
