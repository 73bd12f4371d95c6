// The fund's access rules applied with per-request loaders: whether the viewer sits on a round's panel, and which
// applications and agreements they may see (hidden ones read as null).
import type { Context } from "../../graphql/context";
import { fundAccess } from "./access";
import type { FundingApplication } from "./applications/application.entity";
import type { Agreement } from "./agreements/agreement.entity";

export async function onRoundPanel(ctx: Context, roundId: string | null): Promise<boolean> {
  if (!roundId || !ctx.viewer.userId) return false;
  const round = await ctx.loaders.roundById.load(roundId);
  if (!round) return false;
  return (await ctx.loaders.panelSeats.load(round.panelId)).some((s) => s.userId === ctx.viewer.userId);
}

export async function visibleApplication(ctx: Context, application: FundingApplication | null): Promise<FundingApplication | null> {
  if (!application) return null;
  return fundAccess.readApplication(ctx.viewer, application, await onRoundPanel(ctx, application.roundId)) ? application : null;
}

export function visibleAgreement(ctx: Context, agreement: Agreement | null): Agreement | null {
  return agreement && fundAccess.readAgreementsOf(ctx.viewer, agreement.organisationId) ? agreement : null;
}
