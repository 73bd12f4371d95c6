// Organisation.agreements: the funds module's field on the register's Organisation type.
import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { readRelation } from "../../../graphql/relations";
import { organisationAgreementRelations } from "../funds.relations";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { Organisation } from "../../organisations/organisation.entity";
import { Agreement } from "./agreement.entity";
import { AgreementConnection } from "./agreements.types";

@Resolver(() => Organisation)
export class OrganisationAgreementsResolver {
  @FieldResolver(() => AgreementConnection, {
    nullable: true,
    description: "The organisation's funding agreements, newest award first: its members, ADMIN, ANALYST, PANEL_MEMBER and read:funds partners; null otherwise.",
  })
  agreements(
    @Root() o: Organisation, @Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionResult<Agreement>> | ConnectionResult<Agreement> | null {
    return readRelation<ConnectionResult<Agreement>>(organisationAgreementRelations.agreements, o, { ...args }, ctx, info);
  }
}
