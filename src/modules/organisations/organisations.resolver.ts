// The register's queries and mutations: decode IDs, call one service method, return the payload.
import { Arg, Args, ArgsType, Ctx, Field, Mutation, Query, Resolver } from "type-graphql";
import { ValidateNested } from "class-validator";
import type { Context } from "../../graphql/context";
import { ConnectionResult, ConnectionType, PageArgs } from "../../graphql/connection";
import { decodeId, payload } from "../../graphql/payloads";
import { Organisation } from "./organisation.entity";
import { OrganisationsService } from "./organisations.service";
import { EligibilityService } from "./eligibility.service";
import { PeopleService } from "./people.service";
import { listOrganisations } from "./organisations.directory";
import {
  AddContactInput, ArchiveOrganisationInput, CreateOrganisationInput, InviteMemberInput, OrganisationFilter,
  OrganisationIdentifierInput, OrganisationOrder, RecordStoAssessmentInput, RemoveContactInput, RemoveMemberInput,
  UpdateContactInput, UpdateOrganisationInput,
} from "./organisations.inputs";
import { ContactPayload, MembershipPayload, OrganisationPayload, StoAssessmentPayload } from "./organisations.payloads";

export const OrganisationConnection = ConnectionType(Organisation, "Organisation");

@ArgsType()
class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationFilter, { nullable: true }) @ValidateNested() filter?: OrganisationFilter | null;
  @Field(() => OrganisationOrder, { nullable: true }) @ValidateNested() orderBy?: OrganisationOrder | null;
}

@Resolver()
export class OrganisationsResolver {
  @Query(() => OrganisationConnection, { description: "The register: search, filter and order organisations. Public." })
  organisations(@Args() args: OrganisationsArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Organisation>> {
    return listOrganisations(ctx.app.db, args, args.filter ?? {}, args.orderBy);
  }

  @Mutation(() => OrganisationPayload, { description: "Register an organisation; a signed-in person becomes its OWNER." })
  async createOrganisation(@Arg("input") input: CreateOrganisationInput, @Ctx() ctx: Context): Promise<OrganisationPayload> {
    return payload<OrganisationPayload>("organisation", await new OrganisationsService(ctx.app.db).create(ctx, input));
  }

  @Mutation(() => OrganisationPayload, { description: "Change an organisation (owners, editors, ADMIN)." })
  async updateOrganisation(@Arg("input") input: UpdateOrganisationInput, @Ctx() ctx: Context): Promise<OrganisationPayload> {
    const id = decodeId(input.id, "Organisation", "id");
    if ("errors" in id) return payload<OrganisationPayload>("organisation", id);
    return payload<OrganisationPayload>("organisation", await new OrganisationsService(ctx.app.db).update(ctx, id.key, input));
  }

  @Mutation(() => OrganisationPayload, { description: "Archive an organisation (owners, ADMIN). Nothing is ever deleted." })
  async archiveOrganisation(@Arg("input") input: ArchiveOrganisationInput, @Ctx() ctx: Context): Promise<OrganisationPayload> {
    const id = decodeId(input.id, "Organisation", "id");
    if ("errors" in id) return payload<OrganisationPayload>("organisation", id);
    return payload<OrganisationPayload>("organisation", await new OrganisationsService(ctx.app.db).archive(ctx, id.key, input));
  }

  @Mutation(() => OrganisationPayload)
  async addOrganisationIdentifier(@Arg("input") input: OrganisationIdentifierInput, @Ctx() ctx: Context): Promise<OrganisationPayload> {
    const id = decodeId(input.organisationId, "Organisation", "organisationId");
    if ("errors" in id) return payload<OrganisationPayload>("organisation", id);
    return payload<OrganisationPayload>("organisation", await new OrganisationsService(ctx.app.db).addIdentifier(ctx, id.key, input.identifier));
  }

  @Mutation(() => OrganisationPayload)
  async removeOrganisationIdentifier(@Arg("input") input: OrganisationIdentifierInput, @Ctx() ctx: Context): Promise<OrganisationPayload> {
    const id = decodeId(input.organisationId, "Organisation", "organisationId");
    if ("errors" in id) return payload<OrganisationPayload>("organisation", id);
    return payload<OrganisationPayload>("organisation", await new OrganisationsService(ctx.app.db).removeIdentifier(ctx, id.key, input.identifier));
  }

  @Mutation(() => StoAssessmentPayload, { description: "Record an STO eligibility assessment (ADMIN, PANEL_MEMBER)." })
  async recordStoAssessment(@Arg("input") input: RecordStoAssessmentInput, @Ctx() ctx: Context): Promise<StoAssessmentPayload> {
    const id = decodeId(input.organisationId, "Organisation", "organisationId");
    if ("errors" in id) return payload<StoAssessmentPayload>("assessment", id);
    return payload<StoAssessmentPayload>("assessment", await new EligibilityService(ctx.app.db).record(ctx, id.key, input));
  }

  @Mutation(() => MembershipPayload, { description: "Add an existing account to an organisation, or change its role (owners, ADMIN)." })
  async inviteOrganisationMember(@Arg("input") input: InviteMemberInput, @Ctx() ctx: Context): Promise<MembershipPayload> {
    const id = decodeId(input.organisationId, "Organisation", "organisationId");
    if ("errors" in id) return payload<MembershipPayload>("membership", id);
    return payload<MembershipPayload>("membership", await new PeopleService(ctx.app.db).invite(ctx, id.key, input.email, input.role));
  }

  @Mutation(() => MembershipPayload, { description: "Remove a member (owners, ADMIN, or the member themself)." })
  async removeOrganisationMember(@Arg("input") input: RemoveMemberInput, @Ctx() ctx: Context): Promise<MembershipPayload> {
    const id = decodeId(input.membershipId, "Membership", "membershipId");
    if ("errors" in id) return payload<MembershipPayload>("membership", id);
    return payload<MembershipPayload>("membership", await new PeopleService(ctx.app.db).remove(ctx, id.key));
  }

  @Mutation(() => ContactPayload)
  async addOrganisationContact(@Arg("input") input: AddContactInput, @Ctx() ctx: Context): Promise<ContactPayload> {
    const id = decodeId(input.organisationId, "Organisation", "organisationId");
    if ("errors" in id) return payload<ContactPayload>("contact", id);
    return payload<ContactPayload>("contact", await new PeopleService(ctx.app.db).addContact(ctx, id.key, input));
  }

  @Mutation(() => ContactPayload)
  async updateOrganisationContact(@Arg("input") input: UpdateContactInput, @Ctx() ctx: Context): Promise<ContactPayload> {
    const id = decodeId(input.contactId, "Contact", "contactId");
    if ("errors" in id) return payload<ContactPayload>("contact", id);
    return payload<ContactPayload>("contact", await new PeopleService(ctx.app.db).updateContact(ctx, id.key, input));
  }

  @Mutation(() => ContactPayload)
  async removeOrganisationContact(@Arg("input") input: RemoveContactInput, @Ctx() ctx: Context): Promise<ContactPayload> {
    const id = decodeId(input.contactId, "Contact", "contactId");
    if ("errors" in id) return payload<ContactPayload>("contact", id);
    return payload<ContactPayload>("contact", await new PeopleService(ctx.app.db).removeContact(ctx, id.key));
  }
}
