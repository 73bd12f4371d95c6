// What later modules may ask of the funds (they never read its tables themselves).
import type { DataSource, EntityManager } from "typeorm";
import { AgreementStatus } from "./funds.enums";

/** An award as open data may show it: the money agreed, when, to whom, from which fund and round, the plan's dates. */
export interface PublicAward {
  agreementId: string;
  amountPence: number;
  cashRepayablePence: number;
  socialRepayablePence: number;
  awardedOn: string;
  updatedAt: Date;
  organisationId: string;
  fundId: string;
  fundName: string;
  roundId: string;
  roundName: string;
  /** The current schedule's first day and term, in months. */
  startsOn: string | null;
  termMonths: number | null;
}

/**
 * The network's publication policy: an award is public once money has moved under it (ACTIVE and after). Offers not
 * taken up are not published; balances, arrears, write-offs and everything about people never are.
 */
export const PUBLISHED_AGREEMENT_STATUSES = [AgreementStatus.ACTIVE, AgreementStatus.REPAID, AgreementStatus.CLOSED, AgreementStatus.WRITTEN_OFF];

export const fundsApi = {
  async publicAwards(db: DataSource | EntityManager): Promise<PublicAward[]> {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT a.id, a.amount_pence, a.cash_repayable_pence, a.awarded_on::text AS awarded_on, a.updated_at, a.organisation_id,
              f.id AS fund_id, f.name AS fund_name, r.id AS round_id, r.name AS round_name, s.starts_on::text AS starts_on, s.term_months
         FROM agreement a
         JOIN fund f ON f.id = a.fund_id
         JOIN fund_round r ON r.id = a.round_id
         LEFT JOIN LATERAL (SELECT starts_on, term_months FROM agreement_schedule sc WHERE sc.agreement_id = a.id
                             ORDER BY sc.version DESC LIMIT 1) s ON true
        WHERE a.status = ANY($1)
        ORDER BY a.awarded_on, a.id`,
      [PUBLISHED_AGREEMENT_STATUSES],
    );
    return rows.map((r) => ({
      agreementId: r.id as string, amountPence: Number(r.amount_pence), cashRepayablePence: Number(r.cash_repayable_pence),
      socialRepayablePence: Number(r.amount_pence) - Number(r.cash_repayable_pence), awardedOn: r.awarded_on as string,
      updatedAt: r.updated_at as Date, organisationId: r.organisation_id as string, fundId: r.fund_id as string,
      fundName: r.fund_name as string, roundId: r.round_id as string, roundName: r.round_name as string,
      startsOn: (r.starts_on as string | null) ?? null, termMonths: (r.term_months as number | null) ?? null,
    }));
  },
};
