// Fields of an Organisation and its satellites: relations read folded or batched, each behind the access rule its
// declaration carries (organisations.relations.ts).
import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { readRelation } from "../../graphql/relations";
import { Needs } from "../../graphql/folding";
import { Membership } from "../../auth/membership.entity";
import { User } from "../../auth/user.entity";
import { Place } from "../places/place.entity";
import { Organisation } from "./organisation.entity";
import { STATUTORY_ASSET_LOCK } from "./organisation.enums";
import { StoAssessment } from "./sto-assessment.entity";
import { Contact } from "./contact.entity";
import { Governance, StoTestResult } from "./organisations.types";
import { EligibilityThresholds } from "./eligibility-thresholds.entity";
import { STO_TESTS } from "./eligibility-evidence";
import { assessmentRelations, contactRelations, membershipRelations, organisationRelations as r } from "./organisations.relations";

type Maybe<T> = Promise<T> | T;

@Resolver(() => Organisation)
export class OrganisationFieldsResolver {
  @FieldResolver(() => [String], { description: "org-id identifiers, e.g. GB-COH-09876543." })
  identifiers(@Root() o: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<string[]> {
    return readRelation(r.identifiers, o, {}, ctx, info);
  }

  @FieldResolver(() => Place, { nullable: true })
  registeredPlace(@Root() o: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Place | null> {
    return readRelation(r.registeredPlace, o, {}, ctx, info);
  }

  @FieldResolver(() => [Place])
  placesServed(@Root() o: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Place[]> {
    return readRelation(r.placesServed, o, {}, ctx, info);
  }

  @FieldResolver(() => Boolean, { description: "Locked by law (CICs, charities) or declared in the rules." })
  @Needs("legalForm", "assetLockDeclared")
  assetLocked(@Root() o: Organisation): boolean {
    return STATUTORY_ASSET_LOCK.has(o.legalForm) || o.assetLockDeclared;
  }

  @FieldResolver(() => Governance)
  @Needs("boardSize", "communityBoardMembers", "membershipSize")
  governance(@Root() o: Organisation): Governance {
    return { boardSize: o.boardSize, communityBoardMembers: o.communityBoardMembers, membershipSize: o.membershipSize };
  }

  @FieldResolver(() => Boolean)
  @Needs("archivedAt")
  archived(@Root() o: Organisation): boolean {
    return o.archivedAt !== null;
  }

  @FieldResolver(() => StoAssessment, { nullable: true, description: "The assessment that set stoStatus; null when none or hidden." })
  latestAssessment(@Root() o: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<StoAssessment | null> {
    return readRelation(r.latestAssessment, o, {}, ctx, info);
  }

  @FieldResolver(() => [StoAssessment], { nullable: true, description: "Every assessment, newest first. Null when hidden from you." })
  assessments(@Root() o: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<StoAssessment[] | null> {
    return readRelation(r.assessments, o, {}, ctx, info);
  }

  @FieldResolver(() => [Membership], { nullable: true, description: "Personal data: members and ADMIN only; null otherwise." })
  memberships(@Root() o: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Membership[] | null> {
    return readRelation(r.memberships, o, {}, ctx, info);
  }

  @FieldResolver(() => [Contact], { nullable: true, description: "Personal data: members and ADMIN only; null otherwise." })
  contacts(@Root() o: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Contact[] | null> {
    return readRelation(r.contacts, o, {}, ctx, info);
  }
}

@Resolver(() => StoAssessment)
export class StoAssessmentFieldsResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() a: StoAssessment, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation | null> {
    return readRelation(assessmentRelations.organisation, a, {}, ctx, info);
  }

  @FieldResolver(() => User, { nullable: true, description: "The assessor (their personal fields follow the user rules)." })
  assessedBy(@Root() a: StoAssessment, @Ctx() ctx: Context): Promise<User | null> | null {
    return a.assessedBy ? ctx.loaders.userById.load(a.assessedBy) : null;
  }

  @FieldResolver(() => [StoTestResult], { description: "The five tests with the evidence each rests on and what the register contradicted." })
  @Needs("tradesForSocialPurpose", "communityLed", "keepsSurplusInRegion", "notGrantOnlyCharity", "doesNotExportProfit", "evidence")
  tests(@Root() a: StoAssessment): StoTestResult[] {
    return STO_TESTS.map((t) => ({ test: t.test, met: a[t.answer], restsOn: t.restsOn, contradictedBy: a.evidence?.contradicted[t.test] ?? null }));
  }

  @FieldResolver(() => EligibilityThresholds, {
    nullable: true, description: "The thresholds version it was assessed under (staff and panel members; null before thresholds were settings).",
  })
  thresholds(@Root() a: StoAssessment, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<EligibilityThresholds | null> {
    return readRelation(assessmentRelations.thresholds, a, {}, ctx, info);
  }
}

@Resolver(() => EligibilityThresholds)
export class EligibilityThresholdsFieldsResolver {
  @FieldResolver(() => User, { nullable: true, description: "Who set them (null for the first version, set by migration)." })
  setBy(@Root() t: EligibilityThresholds, @Ctx() ctx: Context): Promise<User | null> | null {
    return t.setBy ? ctx.loaders.userById.load(t.setBy) : null;
  }
}

@Resolver(() => Membership)
export class MembershipOrganisationResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() m: Membership, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation | null> {
    return readRelation(membershipRelations.organisation, m, {}, ctx, info);
  }
}

@Resolver(() => Contact)
export class ContactFieldsResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() c: Contact, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation | null> {
    return readRelation(contactRelations.organisation, c, {}, ctx, info);
  }
}
