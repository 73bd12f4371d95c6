// Fields of panel views: whether a view counts, the member and the organisation they sit for.
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { User } from "../../../auth/user.entity";
import { Organisation } from "../../organisations/organisation.entity";
import { PanelView } from "./panel-view.entity";

@Resolver(() => PanelView)
export class PanelViewFieldsResolver {
  @FieldResolver(() => Boolean, { description: "False when a conflict of interest excludes the view from the decision." })
  counted(@Root() v: PanelView): boolean {
    return v.conflict === null;
  }

  @FieldResolver(() => User, { nullable: true, description: "The panel member (their personal fields follow the user rules)." })
  member(@Root() v: PanelView, @Ctx() ctx: Context): Promise<User | null> {
    return ctx.loaders.userById.load(v.memberUserId);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation the member sits for, if any." })
  memberOrganisation(@Root() v: PanelView, @Ctx() ctx: Context): Promise<Organisation | null> | null {
    return v.memberOrganisationId ? ctx.loaders.organisationById.load(v.memberOrganisationId) : null;
  }
}
