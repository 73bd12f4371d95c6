// Fields of housing schemes (organisations, site, place, homes, completions, partnership terms for those who may read
// them, stage history), of stage changes (who moved them) and of homes delivered (the place).
import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Int, Resolver, Root } from "type-graphql";
import { mapValue, readRelation } from "../../graphql/relations";
import { Needs } from "../../graphql/folding";
import type { Context } from "../../graphql/context";
import { Money, money } from "../../graphql/scalars";
import { User } from "../../auth/user.entity";
import { Place } from "../places/place.entity";
import { Organisation } from "../organisations/organisation.entity";
import { Asset } from "../assets/register/asset.entity";
import { housingAccess } from "./access";
import { schemeRelations as r } from "./housing.relations";
import { HousingScheme } from "./scheme.entity";
import { HomesCompletion, SchemeHomes } from "./homes.entity";
import { SchemeStageChange } from "./scheme-stage.entity";
import { HomesDeliveredInYear, HousingPartnership } from "./housing.types";

type Maybe<T> = Promise<T> | T;
type Totals = { planned: number; completed: number } | null;

@Resolver(() => HousingScheme)
export class HousingSchemeFieldsResolver {
  @FieldResolver(() => Organisation, { description: "The community land trust leading it." })
  leadOrganisation(@Root() s: HousingScheme, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation> {
    return readRelation(r.leadOrganisation, s, {}, ctx, info);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The partner, often a housing association; null without one." })
  partner(@Root() s: HousingScheme, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation | null> {
    return readRelation(r.partner, s, {}, ctx, info);
  }

  @FieldResolver(() => Asset, { nullable: true, description: "The site, an asset in the register." })
  site(@Root() s: HousingScheme, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Asset | null> {
    return readRelation(r.site, s, {}, ctx, info);
  }

  @FieldResolver(() => Place)
  place(@Root() s: HousingScheme, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Place> {
    return readRelation(r.place, s, {}, ctx, info);
  }

  @FieldResolver(() => Int, { description: "Homes planned, every tenure and route." })
  homesPlanned(@Root() s: HousingScheme, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<number> {
    return mapValue(readRelation<Totals>(r.homeTotals, s, {}, ctx, info), (t) => t?.planned ?? 0);
  }

  @FieldResolver(() => Int, { description: "Homes completed so far." })
  homesCompleted(@Root() s: HousingScheme, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<number> {
    return mapValue(readRelation<Totals>(r.homeTotals, s, {}, ctx, info), (t) => t?.completed ?? 0);
  }

  @FieldResolver(() => [SchemeHomes], { description: "Homes planned and completed by tenure and route (empty homes brought back, new build)." })
  homes(@Root() s: HousingScheme, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<SchemeHomes[]> {
    return readRelation(r.homes, s, {}, ctx, info);
  }

  @FieldResolver(() => [HomesCompletion], { description: "Homes completed, by the day, oldest first." })
  completions(@Root() s: HousingScheme, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<HomesCompletion[]> {
    return readRelation(r.completions, s, {}, ctx, info);
  }

  @FieldResolver(() => HousingPartnership, { nullable: true, description: "The partnership's terms: ADMIN, ANALYST and members of the lead or partner; null otherwise and without a partner." })
  @Needs("leadOrganisationId", "partnerOrganisationId", "leaseTermYears", "groundRentPence", "buyBackOption", "freeholdHeldByClt")
  partnership(@Root() s: HousingScheme, @Ctx() ctx: Context): HousingPartnership | null {
    if (!s.partnerOrganisationId || !housingAccess.readTerms(ctx.viewer, s)) return null;
    return Object.assign(new HousingPartnership(), {
      leaseTermYears: s.leaseTermYears, groundRent: s.groundRentPence === null ? null : money(s.groundRentPence),
      buyBackOption: s.buyBackOption, freeholdHeldByClt: s.freeholdHeldByClt,
    });
  }

  @FieldResolver(() => Money, { nullable: true, description: "Development costs the umbrella body has recouped: as partnership (who may read it)." })
  @Needs("leadOrganisationId", "partnerOrganisationId", "umbrellaCostsRecoupedPence")
  umbrellaCostsRecouped(@Root() s: HousingScheme, @Ctx() ctx: Context): Money | null {
    return housingAccess.readTerms(ctx.viewer, s) ? money(s.umbrellaCostsRecoupedPence) : null;
  }

  @FieldResolver(() => [SchemeStageChange], { description: "Every stage the scheme reached, in order." })
  stageHistory(@Root() s: HousingScheme, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<SchemeStageChange[]> {
    return readRelation(r.stageHistory, s, {}, ctx, info);
  }
}

@Resolver(() => SchemeStageChange)
export class SchemeStageChangeFieldsResolver {
  @FieldResolver(() => User, { nullable: true, description: "Who recorded the move (their personal fields follow the user rules)." })
  movedBy(@Root() s: SchemeStageChange, @Ctx() ctx: Context): Promise<User | null> | null {
    return s.movedBy ? ctx.loaders.userById.load(s.movedBy) : null;
  }
}

@Resolver(() => HomesDeliveredInYear)
export class HomesDeliveredFieldsResolver {
  @FieldResolver(() => Place)
  async place(@Root() h: HomesDeliveredInYear, @Ctx() ctx: Context): Promise<Place> {
    return (await ctx.loaders.placeById.load(h.placeId))!;
  }
}
