// The funds module: pay-it-forward funds, applications, peer decisions, agreements, repayments and the recycling ledger.
import type { KithModule } from "../../kith-module";
import { Fund } from "./fund.entity";
import { FundRound } from "./round.entity";
import { FundingApplication } from "./application.entity";
import { PanelView } from "./panel-view.entity";
import { PanelDecision } from "./panel-decision.entity";
import { Agreement } from "./agreement.entity";
import { RepaymentSchedule, ScheduledInstalment } from "./schedule.entity";
import { SocialRepaymentClaim } from "./social-claim.entity";
import { LedgerAccount } from "./ledger/ledger-account.entity";
import { LedgerGroup } from "./ledger/ledger-group.entity";
import { LedgerPosting } from "./ledger/ledger-posting.entity";
import { Contribution } from "./ledger/contribution.entity";
import { FundLot } from "./ledger/lot.entity";
import { FundAllocation } from "./ledger/allocation.entity";
import { Funds1763900000400 } from "./migrations/1763900000400-Funds";

export const fundsModule: KithModule = {
  name: "funds",
  entities: [
    Fund, FundRound, FundingApplication, PanelView, PanelDecision, Agreement, RepaymentSchedule, ScheduledInstalment,
    SocialRepaymentClaim, LedgerAccount, LedgerGroup, LedgerPosting, Contribution, FundLot, FundAllocation,
  ],
  migrations: [Funds1763900000400],
};
