// Organisation.agreements: the funds module's field on the register's Organisation type.
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { Organisation } from "../../organisations/organisation.entity";
import { agreementAccess } from "../access";
import { Agreement } from "./agreement.entity";
import { AgreementConnection } from "./agreements.types";

@Resolver(() => Organisation)
export class OrganisationAgreementsResolver {
  @FieldResolver(() => AgreementConnection, {
    nullable: true,
    description: "The organisation's funding agreements, newest award first: its members, ADMIN, ANALYST, PANEL_MEMBER and read:funds partners; null otherwise.",
  })
  agreements(@Root() o: Organisation, @Args() args: PageArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Agreement>> | null {
    if (!agreementAccess.allows(ctx.viewer, o.id)) return null;
    return ctx.loaders.agreementsByOrganisation.load(o.id, { ...args, scope: null });
  }
}
