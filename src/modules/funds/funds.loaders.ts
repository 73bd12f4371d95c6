// Per-request loaders for funds, applications, agreements and their money; batched by key, in key order.
import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey, loaderFromMap, loaderOfMany } from "../../graphql/loaders";
import { clustersApi, PanelSeat } from "../clusters/clusters.api";
import { Fund } from "./rounds/fund.entity";
import { FundRound } from "./rounds/round.entity";
import { FundingApplication } from "./applications/application.entity";
import { PanelView } from "./applications/panel-view.entity";
import { ApplicationPartner } from "./applications/application-partner.entity";
import { PanelDecision } from "./applications/panel-decision.entity";
import { Agreement } from "./agreements/agreement.entity";
import { RepaymentSchedule, ScheduledInstalment } from "./agreements/schedule.entity";
import { SocialRepaymentClaim } from "./money/social-claim.entity";
import { Contribution } from "./rounds/contribution.entity";
import { LedgerGroup } from "./ledger/ledger-group.entity";
import { movementsWhere } from "./ledger/movements";
import { FundMovement } from "./money/money.types";
import { generationsOf, LineageLine, lineageOf } from "./ledger/lineage";
import { arrearsOn } from "./agreements/arrears";
import { fundFiguresBetween, FundPeriodFigures } from "./ledger/figures";
import { Arrears } from "./agreements/agreements.types";

type Seat = PanelSeat;

declare module "../../graphql/context" {
  interface Loaders {
    fundById: DataLoader<string, Fund | null>;
    fundGenerations: DataLoader<string, { generation: number; pence: number }[]>;
    roundById: DataLoader<string, FundRound | null>;
    roundsByFund: DataLoader<string, FundRound[]>;
    contributionById: DataLoader<string, Contribution | null>;
    contributionsByFund: DataLoader<string, Contribution[]>;
    movementById: DataLoader<string, FundMovement | null>;
    movementsByAgreement: DataLoader<string, FundMovement[]>;
    applicationById: DataLoader<string, FundingApplication | null>;
    /** A collective application's partners, whatever their answer, in the order invited. */
    partnersByApplication: DataLoader<string, ApplicationPartner[]>;
    panelViewById: DataLoader<string, PanelView | null>;
    panelViewsByApplication: DataLoader<string, PanelView[]>;
    decisionByApplication: DataLoader<string, PanelDecision | null>;
    agreementById: DataLoader<string, Agreement | null>;
    agreementByApplication: DataLoader<string, Agreement | null>;
    lineageByAgreement: DataLoader<string, LineageLine[]>;
    schedulesByAgreement: DataLoader<string, RepaymentSchedule[]>;
    instalmentsBySchedule: DataLoader<string, ScheduledInstalment[]>;
    claimById: DataLoader<string, SocialRepaymentClaim | null>;
    claimsByAgreement: DataLoader<string, SocialRepaymentClaim[]>;
    /** Who sits on each peer panel (asked of the clusters module). */
    panelSeats: DataLoader<string, Seat[]>;
    /** Funds' flows between two days ("from/to"). */
    fundFiguresBetween(from: string, to: string): DataLoader<string, FundPeriodFigures>;
    /** Arrears of agreements on one day. */
    arrearsOn(asOf: string): DataLoader<string, Arrears | null>;
    /** Newest agreements under each fund or organisation; parents asking alike share one statement. */
  }
}

/** One loader per day asked about, made on first use and kept for the request. */
function byDay<V>(make: (asOf: string) => DataLoader<string, V>): (asOf: string) => DataLoader<string, V> {
  const made = new Map<string, DataLoader<string, V>>();
  return (asOf) => {
    if (!made.has(asOf)) made.set(asOf, make(asOf));
    return made.get(asOf)!;
  };
}

/** One loader per period asked about, like `byDay`. */
function byPeriod<V>(make: (from: string, to: string) => DataLoader<string, V>): (from: string, to: string) => DataLoader<string, V> {
  const made = new Map<string, DataLoader<string, V>>();
  return (from, to) => {
    const key = `${from}/${to}`;
    if (!made.has(key)) made.set(key, make(from, to));
    return made.get(key)!;
  };
}

const NO_FLOWS: FundPeriodFigures = {
  contributedPence: 0, awardedPence: 0, disbursedPence: 0, repaidCashPence: 0, repaidSocialPence: 0, writtenOffPence: 0, recycledPence: 0,
};

function contributionsByFund(db: DataSource): DataLoader<string, Contribution[]> {
  return new DataLoader(async (keys) => {
    const { entities, raw } = await db.getRepository(Contribution).createQueryBuilder("c")
      .innerJoin(LedgerGroup, "g", "g.id = c.id").addSelect("g.fund_id", "fund_id")
      .where("g.fund_id = ANY(:keys)", { keys: [...keys] }).orderBy("g.occurred_on").addOrderBy("g.recorded_at").getRawAndEntities();
    return keys.map((k) => entities.filter((_, i) => raw[i].fund_id === k));
  });
}

export function fundsLoaders(db: DataSource) {
  const movements = (column: "id" | "agreement_id") => async (keys: readonly string[]) => (await movementsWhere(db, column, keys)).map(FundMovement.of);
  return {
    fundById: loaderByKey(db, Fund),
    fundGenerations: loaderFromMap((keys) => generationsOf(db, keys), []),
    roundById: loaderByKey(db, FundRound),
    roundsByFund: loaderOfMany(db, FundRound, "fund_id", (r) => r.fundId, "t.opens_on"),
    contributionById: loaderByKey(db, Contribution),
    contributionsByFund: contributionsByFund(db),
    movementById: loaderFromMap(async (keys) => new Map((await movements("id")(keys)).map((mv) => [mv.id, mv])), null),
    movementsByAgreement: loaderFromMap(async (keys) => {
      const byAgreement = new Map<string, FundMovement[]>();
      for (const mv of await movements("agreement_id")(keys)) byAgreement.set(mv.agreementId!, [...(byAgreement.get(mv.agreementId!) ?? []), mv]);
      return byAgreement;
    }, []),
    applicationById: loaderByKey(db, FundingApplication),
    partnersByApplication: loaderOfMany(db, ApplicationPartner, "application_id", (p) => p.applicationId, "t.invited_at"),
    panelViewById: loaderByKey(db, PanelView),
    panelViewsByApplication: loaderOfMany(db, PanelView, "application_id", (v) => v.applicationId, "t.recorded_at"),
    decisionByApplication: loaderByKey(db, PanelDecision, "application_id", (d) => d.applicationId),
    agreementById: loaderByKey(db, Agreement),
    agreementByApplication: loaderByKey(db, Agreement, "application_id", (a) => a.applicationId),
    lineageByAgreement: loaderFromMap((keys) => lineageOf(db, keys), []),
    schedulesByAgreement: loaderOfMany(db, RepaymentSchedule, "agreement_id", (s) => s.agreementId, "t.version"),
    instalmentsBySchedule: loaderOfMany(db, ScheduledInstalment, "schedule_id", (i) => i.scheduleId, "t.number"),
    claimById: loaderByKey(db, SocialRepaymentClaim),
    claimsByAgreement: loaderOfMany(db, SocialRepaymentClaim, "agreement_id", (c) => c.agreementId, "t.created_at"),
    panelSeats: loaderFromMap<Seat[]>((keys) => clustersApi.panelMembersOf(db, keys), []),
    arrearsOn: byDay((asOf) => loaderFromMap((keys) => arrearsOn(db, keys, asOf), null)),
    fundFiguresBetween: byPeriod((from, to) => loaderFromMap((keys) => fundFiguresBetween(db, keys, from, to), NO_FLOWS)),
  };
}
