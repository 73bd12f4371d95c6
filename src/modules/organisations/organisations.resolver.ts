// The register's queries and mutations: decode IDs, call one service method, return the payload.
import { Arg, Args, ArgsType, Ctx, Field, Mutation, Query, Resolver } from "type-graphql";
import { ValidateNested } from "class-validator";
import type { Context } from "../../graphql/context";
import { ConnectionResult, ConnectionType, PageArgs } from "../../graphql/connection";
import { UserError, userError } from "../../graphql/errors";
import { keyOf } from "../../graphql/ids";
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

/** Decodes an ID argument of a mutation, or says which field is wrong. */
function decode(id: string, type: string, field: string): { key: string } | { errors: UserError[] } {
  const key = keyOf(id, type);
  return key ? { key } : { errors: [userError(field, "INVALID_ID", `That is not ${/^[AEIOU]/.test(type) ? "an" : "a"} ${type}'s ID.`)] };
}

/** A service result as a payload: the named object, or null with the user errors. */
function payload<P>(name: string, r: { errors: UserError[] } | Record<string, unknown>): P {
  return ("errors" in r ? { [name]: null, userErrors: r.errors } : { [name]: r[name], userErrors: [] }) as P;
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
    const id = decode(input.id, "Organisation", "id");
    if ("errors" in id) return payload<OrganisationPayload>("organisation", id);
    return payload<OrganisationPayload>("organisation", await new OrganisationsService(ctx.app.db).update(ctx, id.key, input));
  }

  @Mutation(() => OrganisationPayload, { description: "Archive an organisation (owners, ADMIN). Nothing is ever deleted." })
  async archiveOrganisation(@Arg("input") input: ArchiveOrganisationInput, @Ctx() ctx: Context): Promise<OrganisationPayload> {
    const id = decode(input.id, "Organisation", "id");
    if ("errors" in id) return payload<OrganisationPayload>("organisation", id);
    return payload<OrganisationPayload>("organisation", await new OrganisationsService(ctx.app.db).archive(ctx, id.key, input));
  }

  @Mutation(() => OrganisationPayload)
  async addOrganisationIdentifier(@Arg("input") input: OrganisationIdentifierInput, @Ctx() ctx: Context): Promise<OrganisationPayload> {
    const id = decode(input.organisationId, "Organisation", "organisationId");
    if ("errors" in id) return payload<OrganisationPayload>("organisation", id);
    return payload<OrganisationPayload>("organisation", await new OrganisationsService(ctx.app.db).addIdentifier(ctx, id.key, input.identifier));
  }

  @Mutation(() => OrganisationPayload)
  async removeOrganisationIdentifier(@Arg("input") input: OrganisationIdentifierInput, @Ctx() ctx: Context): Promise<OrganisationPayload> {
    const id = decode(input.organisationId, "Organisation", "organisationId");
    if ("errors" in id) return payload<OrganisationPayload>("organisation", id);
    return payload<OrganisationPayload>("organisation", await new OrganisationsService(ctx.app.db).removeIdentifier(ctx, id.key, input.identifier));
  }

  @Mutation(() => StoAssessmentPayload, { description: "Record an STO eligibility assessment (ADMIN, PANEL_MEMBER)." })
  async recordStoAssessment(@Arg("input") input: RecordStoAssessmentInput, @Ctx() ctx: Context): Promise<StoAssessmentPayload> {
    const id = decode(input.organisationId, "Organisation", "organisationId");
    if ("errors" in id) return payload<StoAssessmentPayload>("assessment", id);
    return payload<StoAssessmentPayload>("assessment", await new EligibilityService(ctx.app.db).record(ctx, id.key, input));
  }

  @Mutation(() => MembershipPayload, { description: "Add an existing account to an organisation, or change its role (owners, ADMIN)." })
  async inviteOrganisationMember(@Arg("input") input: InviteMemberInput, @Ctx() ctx: Context): Promise<MembershipPayload> {
    const id = decode(input.organisationId, "Organisation", "organisationId");
    if ("errors" in id) return payload<MembershipPayload>("membership", id);
    return payload<MembershipPayload>("membership", await new PeopleService(ctx.app.db).invite(ctx, id.key, input.email, input.role));
  }

  @Mutation(() => MembershipPayload, { description: "Remove a member (owners, ADMIN, or the member themself)." })
  async removeOrganisationMember(@Arg("input") input: RemoveMemberInput, @Ctx() ctx: Context): Promise<MembershipPayload> {
    const id = decode(input.membershipId, "Membership", "membershipId");
    if ("errors" in id) return payload<MembershipPayload>("membership", id);
    return payload<MembershipPayload>("membership", await new PeopleService(ctx.app.db).remove(ctx, id.key));
  }

  @Mutation(() => ContactPayload)
  async addOrganisationContact(@Arg("input") input: AddContactInput, @Ctx() ctx: Context): Promise<ContactPayload> {
    const id = decode(input.organisationId, "Organisation", "organisationId");
    if ("errors" in id) return payload<ContactPayload>("contact", id);
    return payload<ContactPayload>("contact", await new PeopleService(ctx.app.db).addContact(ctx, id.key, input));
  }

  @Mutation(() => ContactPayload)
  async updateOrganisationContact(@Arg("input") input: UpdateContactInput, @Ctx() ctx: Context): Promise<ContactPayload> {
    const id = decode(input.contactId, "Contact", "contactId");
    if ("errors" in id) return payload<ContactPayload>("contact", id);
    return payload<ContactPayload>("contact", await new PeopleService(ctx.app.db).updateContact(ctx, id.key, input));
  }

  @Mutation(() => ContactPayload)
  async removeOrganisationContact(@Arg("input") input: RemoveContactInput, @Ctx() ctx: Context): Promise<ContactPayload> {
    const id = decode(input.contactId, "Contact", "contactId");
    if ("errors" in id) return payload<ContactPayload>("contact", id);
    return payload<ContactPayload>("contact", await new PeopleService(ctx.app.db).removeContact(ctx, id.key));
  }
}
