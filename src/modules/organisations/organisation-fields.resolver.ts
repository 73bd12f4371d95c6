// Fields of an Organisation and its satellites, each read through a per-request loader and its access rule.
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { Membership } from "../../auth/membership.entity";
import { User } from "../../auth/user.entity";
import { Place } from "../places/place.entity";
import { organisationAccess } from "./access";
import { Organisation } from "./organisation.entity";
import { STATUTORY_ASSET_LOCK } from "./organisation.enums";
import { StoAssessment } from "./sto-assessment.entity";
import { Contact } from "./contact.entity";
import { Governance } from "./organisations.types";

@Resolver(() => Organisation)
export class OrganisationFieldsResolver {
  @FieldResolver(() => [String], { description: "org-id identifiers, e.g. GB-COH-09876543." })
  async identifiers(@Root() o: Organisation, @Ctx() ctx: Context): Promise<string[]> {
    return (await ctx.loaders.identifiersByOrganisation.load(o.id)).map((i) => i.value);
  }

  @FieldResolver(() => Place, { nullable: true })
  registeredPlace(@Root() o: Organisation, @Ctx() ctx: Context): Promise<Place | null> | null {
    return o.registeredPlaceId ? ctx.loaders.placeById.load(o.registeredPlaceId) : null;
  }

  @FieldResolver(() => [Place])
  placesServed(@Root() o: Organisation, @Ctx() ctx: Context): Promise<Place[]> {
    return ctx.loaders.placesServedByOrganisation.load(o.id);
  }

  @FieldResolver(() => Boolean, { description: "Locked by law (CICs, charities) or declared in the rules." })
  assetLocked(@Root() o: Organisation): boolean {
    return STATUTORY_ASSET_LOCK.has(o.legalForm) || o.assetLockDeclared;
  }

  @FieldResolver(() => Governance)
  governance(@Root() o: Organisation): Governance {
    return { boardSize: o.boardSize, communityBoardMembers: o.communityBoardMembers, membershipSize: o.membershipSize };
  }

  @FieldResolver(() => Boolean)
  archived(@Root() o: Organisation): boolean {
    return o.archivedAt !== null;
  }

  @FieldResolver(() => StoAssessment, { nullable: true, description: "The assessment that set stoStatus; null when none or hidden." })
  async latestAssessment(@Root() o: Organisation, @Ctx() ctx: Context): Promise<StoAssessment | null> {
    if (!organisationAccess.seeAssessments(ctx.viewer, o.id)) return null;
    return (await ctx.loaders.assessmentsByOrganisation.load(o.id))[0] ?? null;
  }

  @FieldResolver(() => [StoAssessment], { nullable: true, description: "Every assessment, newest first. Null when hidden from you." })
  assessments(@Root() o: Organisation, @Ctx() ctx: Context): Promise<StoAssessment[]> | null {
    return organisationAccess.seeAssessments(ctx.viewer, o.id) ? ctx.loaders.assessmentsByOrganisation.load(o.id) : null;
  }

  @FieldResolver(() => [Membership], { nullable: true, description: "Personal data: members and ADMIN only; null otherwise." })
  memberships(@Root() o: Organisation, @Ctx() ctx: Context): Promise<Membership[]> | null {
    return organisationAccess.seePersonalData(ctx.viewer, o.id) ? ctx.loaders.membershipsByOrganisation.load(o.id) : null;
  }

  @FieldResolver(() => [Contact], { nullable: true, description: "Personal data: members and ADMIN only; null otherwise." })
  contacts(@Root() o: Organisation, @Ctx() ctx: Context): Promise<Contact[]> | null {
    return organisationAccess.seePersonalData(ctx.viewer, o.id) ? ctx.loaders.contactsByOrganisation.load(o.id) : null;
  }
}

@Resolver(() => StoAssessment)
export class StoAssessmentFieldsResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() a: StoAssessment, @Ctx() ctx: Context): Promise<Organisation | null> {
    return ctx.loaders.organisationById.load(a.organisationId);
  }

  @FieldResolver(() => User, { nullable: true, description: "The assessor (their personal fields follow the user rules)." })
  assessedBy(@Root() a: StoAssessment, @Ctx() ctx: Context): Promise<User | null> | null {
    return a.assessedBy ? ctx.loaders.userById.load(a.assessedBy) : null;
  }
}

@Resolver(() => Membership)
export class MembershipOrganisationResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() m: Membership, @Ctx() ctx: Context): Promise<Organisation | null> {
    return ctx.loaders.organisationById.load(m.organisationId);
  }
}

@Resolver(() => Contact)
export class ContactFieldsResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() c: Contact, @Ctx() ctx: Context): Promise<Organisation | null> {
    return ctx.loaders.organisationById.load(c.organisationId);
  }
}
