// Fields of repayment schedules and their instalments: amounts as Money, instalments through a loader.
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { Money, money } from "../../../graphql/scalars";
import { RepaymentSchedule, ScheduledInstalment } from "./schedule.entity";

@Resolver(() => RepaymentSchedule)
export class RepaymentScheduleFieldsResolver {
  @FieldResolver(() => Money, { description: "The cash this version schedules." })
  covers(@Root() s: RepaymentSchedule): Money {
    return money(s.coversPence);
  }

  @FieldResolver(() => Money, { description: "Cash repaid before this version took over." })
  paidBefore(@Root() s: RepaymentSchedule): Money {
    return money(s.paidBeforePence);
  }

  @FieldResolver(() => [ScheduledInstalment])
  instalments(@Root() s: RepaymentSchedule, @Ctx() ctx: Context): Promise<ScheduledInstalment[]> {
    return ctx.loaders.instalmentsBySchedule.load(s.id);
  }
}

@Resolver(() => ScheduledInstalment)
export class ScheduledInstalmentFieldsResolver {
  @FieldResolver(() => Money)
  amount(@Root() i: ScheduledInstalment): Money {
    return money(i.pence);
  }
}
