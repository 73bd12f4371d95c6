// Partners' queries and mutations: call one service method and return its payload (IDs arrive decoded).
import { Arg, Args, Ctx, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ConnectionResult, PageArgs, paginate } from "../../graphql/connection";
import { Mutation, Query } from "../../graphql/operations";
import { toPayload } from "../../graphql/payloads";
import { forbidden } from "../../graphql/errors";
import { partnerAccess } from "./access";
import { Partner } from "./partner.entity";
import { PartnersService } from "./partners.service";
import { CreatePartnerInput, CreatePartnerKeyInput, OrganisationPartnerInput, RotatePartnerKeyInput } from "./partners.inputs";
import { OrganisationPartnerPayload, PartnerConnection, PartnerKeyPayload, PartnerPayload } from "./partners.types";

const NEWEST_FIRST = { name: "createdAt", keys: ["p.created_at", "p.id"], direction: "DESC" as const };

@Resolver()
export class PartnersResolver {
  @Query(() => PartnerConnection, { description: "Partners, newest first (ADMIN)." })
  partners(@Args() page: PageArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Partner>> {
    if (!partnerAccess.manage(ctx.viewer)) throw forbidden("Only network staff (ADMIN) can list partners.");
    return paginate(ctx.app.db.getRepository(Partner).createQueryBuilder("p"), NEWEST_FIRST, page);
  }

  @Query(() => Partner, { nullable: true, description: "The partner the calling API key belongs to; null for anyone else." })
  async currentPartner(@Ctx() ctx: Context): Promise<Partner | null> {
    const id = partnerAccess.ownPartner(ctx.viewer);
    return id ? ctx.app.db.getRepository(Partner).findOneBy({ id }) : null;
  }

  @Mutation(() => PartnerPayload, { description: "Register a partner system (ADMIN)." })
  async createPartner(@Arg("input") input: CreatePartnerInput, @Ctx() ctx: Context): Promise<PartnerPayload> {
    return toPayload(await new PartnersService(ctx.app.db).create(ctx, input.name));
  }

  @Mutation(() => PartnerKeyPayload, { description: "Issue an API key for a partner with the scopes it needs (ADMIN). The secret is shown once." })
  async createPartnerKey(@Arg("input") input: CreatePartnerKeyInput, @Ctx() ctx: Context): Promise<PartnerKeyPayload> {
    return toPayload(await new PartnersService(ctx.app.db).issueKey(ctx, input.partnerId, input.name, input.scopes));
  }

  @Mutation(() => PartnerKeyPayload, { description: "Issue a key's successor (ADMIN): both work until the old one is revoked with revokeApiKey." })
  async rotatePartnerKey(@Arg("input") input: RotatePartnerKeyInput, @Ctx() ctx: Context): Promise<PartnerKeyPayload> {
    return toPayload(await new PartnersService(ctx.app.db).rotateKey(ctx, input.apiKeyId));
  }

  @Mutation(() => OrganisationPartnerPayload, { description: "Let a partner's keys (with write:organisations) change this organisation (owners, ADMIN)." })
  async linkOrganisationToPartner(@Arg("input") input: OrganisationPartnerInput, @Ctx() ctx: Context): Promise<OrganisationPartnerPayload> {
    return toPayload(await new PartnersService(ctx.app.db).link(ctx, input.organisationId, input.partnerId, true));
  }

  @Mutation(() => OrganisationPartnerPayload, { description: "Stop a partner's keys changing this organisation, whether it created it or was linked (owners, ADMIN)." })
  async unlinkOrganisationFromPartner(@Arg("input") input: OrganisationPartnerInput, @Ctx() ctx: Context): Promise<OrganisationPartnerPayload> {
    return toPayload(await new PartnersService(ctx.app.db).link(ctx, input.organisationId, input.partnerId, false));
  }
}
