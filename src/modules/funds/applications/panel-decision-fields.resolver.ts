// Fields of panel decisions computed from what was kept: the tally, whether it met quorum, and whether ADMIN overrode the panel.
import { FieldResolver, Resolver, Root } from "type-graphql";
import { PanelDecision } from "./panel-decision.entity";
import { DecisionTally } from "./applications.types";

@Resolver(() => PanelDecision)
export class PanelDecisionFieldsResolver {
  @FieldResolver(() => DecisionTally)
  tally(@Root() d: PanelDecision): DecisionTally {
    return Object.assign(new DecisionTally(), { for: d.votesFor, against: d.votesAgainst, abstain: d.abstentions, excluded: d.excludedFor });
  }

  @FieldResolver(() => Boolean, { description: "Whether the counted views reached the round's quorum." })
  quorumMet(@Root() d: PanelDecision): boolean {
    return d.viewsCounted >= d.quorum;
  }

  @FieldResolver(() => Boolean, {
    description: "True when ADMIN decided without quorum or against what the counted views carried; overrideReason says why.",
  })
  override(@Root() d: PanelDecision): boolean {
    return d.overrideReason !== null;
  }
}
