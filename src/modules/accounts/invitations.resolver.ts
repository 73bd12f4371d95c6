// Invitations: invite, revoke, accept; an organisation's invitations for its owners and ADMIN.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ConnectionResult, PageArgs } from "../../graphql/connection";
import { IdField } from "../../graphql/input-fields";
import { Mutation, Query } from "../../graphql/operations";
import { toPayload } from "../../graphql/payloads";
import { readRelation } from "../../graphql/relations";
import { forbidden } from "../../graphql/errors";
import { Needs } from "../../graphql/folding";
import { Organisation } from "../organisations/organisation.entity";
import { organisationsApi } from "../organisations/organisations.api";
import { InvitationsService } from "./invitations.service";
import { Invitation, invitationStatus, InvitationStatus } from "./invitation.entity";
import { invitationRelations as r } from "./accounts.relations";
import { listInvitations } from "./accounts.lists";
import { AcceptInvitationPayload, InvitationConnection, InvitationPayload } from "./accounts.types";
import { InviteMemberInput, RevokeInvitationInput, TokenInput } from "./accounts.inputs";

@ArgsType()
class InvitationsArgs extends PageArgs {
  @IdField("Organisation") organisationId: string;
}

@Resolver(() => Invitation)
export class InvitationsResolver {
  @Mutation(() => InvitationPayload, {
    description: "Invite an email to the organisation with a role (owners, ADMIN). The answer does not say whether the email has an account.",
  })
  async inviteOrganisationMember(@Arg("input") input: InviteMemberInput, @Ctx() ctx: Context): Promise<InvitationPayload> {
    return toPayload(await new InvitationsService(ctx.app).invite(ctx, ctx.clientAddress, input.organisationId, input.email, input.role));
  }

  @Mutation(() => InvitationPayload, { description: "Withdraw a pending invitation (owners, ADMIN)." })
  async revokeInvitation(@Arg("input") input: RevokeInvitationInput, @Ctx() ctx: Context): Promise<InvitationPayload> {
    return toPayload(await new InvitationsService(ctx.app).revoke(ctx, input.invitationId));
  }

  @Mutation(() => AcceptInvitationPayload, { description: "Accept an invitation with the token from its email; you become a member." })
  async acceptInvitation(@Arg("input") input: TokenInput, @Ctx() ctx: Context): Promise<AcceptInvitationPayload> {
    return toPayload(await new InvitationsService(ctx.app).accept(ctx, input.token));
  }

  @Query(() => InvitationConnection, { description: "An organisation's invitations, newest first (its owners and ADMIN)." })
  invitations(@Args() args: InvitationsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Invitation>> {
    if (!organisationsApi.mayManageMembers(ctx.viewer, args.organisationId)) throw forbidden("Only the organisation's owners and ADMIN see its invitations.");
    return listInvitations(ctx.app.db, args.organisationId, args, { ctx, info });
  }

  @FieldResolver(() => InvitationStatus)
  @Needs("acceptedAt", "revokedAt", "expiresAt")
  status(@Root() i: Invitation): InvitationStatus {
    return invitationStatus(i);
  }

  @FieldResolver(() => Organisation)
  organisation(@Root() i: Invitation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Organisation> | Organisation {
    return readRelation(r.organisation, i, {}, ctx, info) as Promise<Organisation> | Organisation;
  }
}
