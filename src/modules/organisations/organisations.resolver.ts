// The register's queries and mutations: call one service method and return its payload (IDs arrive decoded).
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, Info, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ConnectionResult, PageArgs } from "../../graphql/connection";
import { Mutation, Query } from "../../graphql/operations";
import { toPayload } from "../../graphql/payloads";
import { Organisation } from "./organisation.entity";
import { OrganisationsService } from "./organisations.service";
import { EligibilityService } from "./eligibility.service";
import { PeopleService } from "./people.service";
import { listOrganisations } from "./organisations.lists";
import {
  AddContactInput, ArchiveOrganisationInput, CreateOrganisationInput, OrganisationFilter,
  OrganisationIdentifierInput, OrganisationOrder, RecordStoAssessmentInput, RemoveContactInput, RemoveMemberInput,
  UpdateContactInput, UpdateOrganisationInput,
} from "./organisations.inputs";
import {
  ContactPayload, MembershipPayload, OrganisationConnection, OrganisationPayload, StoAssessmentPayload,
} from "./organisations.types";

@ArgsType()
class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationFilter, { nullable: true }) filter?: OrganisationFilter | null;
  @Field(() => OrganisationOrder, { nullable: true }) orderBy?: OrganisationOrder | null;
}

@Resolver()
export class OrganisationsResolver {
  @Query(() => OrganisationConnection, { description: "The register: search, filter and order organisations. Public." })
  organisations(@Args() args: OrganisationsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Organisation>> {
    return listOrganisations(ctx.app.db, args, args.filter ?? {}, args.orderBy, { ctx, info });
  }

  @Mutation(() => OrganisationPayload, { description: "Register an organisation; a signed-in person becomes its OWNER." })
  async createOrganisation(@Arg("input") input: CreateOrganisationInput, @Ctx() ctx: Context): Promise<OrganisationPayload> {
    return toPayload(await new OrganisationsService(ctx.app.db).create(ctx, input));
  }

  @Mutation(() => OrganisationPayload, { description: "Change an organisation (owners, editors, ADMIN)." })
  async updateOrganisation(@Arg("input") input: UpdateOrganisationInput, @Ctx() ctx: Context): Promise<OrganisationPayload> {
    return toPayload(await new OrganisationsService(ctx.app.db).update(ctx, input.id, input));
  }

  @Mutation(() => OrganisationPayload, { description: "Archive an organisation (owners, ADMIN). Nothing is ever deleted." })
  async archiveOrganisation(@Arg("input") input: ArchiveOrganisationInput, @Ctx() ctx: Context): Promise<OrganisationPayload> {
    return toPayload(await new OrganisationsService(ctx.app.db).archive(ctx, input.id, input));
  }

  @Mutation(() => OrganisationPayload)
  async addOrganisationIdentifier(@Arg("input") input: OrganisationIdentifierInput, @Ctx() ctx: Context): Promise<OrganisationPayload> {
    return toPayload(await new OrganisationsService(ctx.app.db).addIdentifier(ctx, input.organisationId, input.identifier));
  }

  @Mutation(() => OrganisationPayload)
  async removeOrganisationIdentifier(@Arg("input") input: OrganisationIdentifierInput, @Ctx() ctx: Context): Promise<OrganisationPayload> {
    return toPayload(await new OrganisationsService(ctx.app.db).removeIdentifier(ctx, input.organisationId, input.identifier));
  }

  @Mutation(() => StoAssessmentPayload, { description: "Record an STO eligibility assessment (ADMIN, PANEL_MEMBER)." })
  async recordStoAssessment(@Arg("input") input: RecordStoAssessmentInput, @Ctx() ctx: Context): Promise<StoAssessmentPayload> {
    return toPayload(await new EligibilityService(ctx.app.db).record(ctx, input.organisationId, input));
  }

  @Mutation(() => MembershipPayload, { description: "Remove a member (owners, ADMIN, or the member themself)." })
  async removeOrganisationMember(@Arg("input") input: RemoveMemberInput, @Ctx() ctx: Context): Promise<MembershipPayload> {
    return toPayload(await new PeopleService(ctx.app.db).remove(ctx, input.membershipId));
  }

  @Mutation(() => ContactPayload)
  async addOrganisationContact(@Arg("input") input: AddContactInput, @Ctx() ctx: Context): Promise<ContactPayload> {
    return toPayload(await new PeopleService(ctx.app.db).addContact(ctx, input.organisationId, input));
  }

  @Mutation(() => ContactPayload)
  async updateOrganisationContact(@Arg("input") input: UpdateContactInput, @Ctx() ctx: Context): Promise<ContactPayload> {
    return toPayload(await new PeopleService(ctx.app.db).updateContact(ctx, input.contactId, input));
  }

  @Mutation(() => ContactPayload)
  async removeOrganisationContact(@Arg("input") input: RemoveContactInput, @Ctx() ctx: Context): Promise<ContactPayload> {
    return toPayload(await new PeopleService(ctx.app.db).removeContact(ctx, input.contactId));
  }
}
