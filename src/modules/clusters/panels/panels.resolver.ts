// Peer panels in the API: the panels a viewer may see, their fields, and the mutations that run them.
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Mutation, Query } from "../../../graphql/operations";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { toPayload } from "../../../graphql/payloads";
import { User } from "../../../auth/user.entity";
import { Organisation } from "../../organisations/organisation.entity";
import { Cluster } from "../clusters/cluster.entity";
import { PeerPanel, PeerPanelMember } from "./peer-panel.entity";
import { PanelsService } from "./panels.service";
import { listPanels } from "./panels.lists";
import { PeerPanelConnection, PeerPanelPayload } from "./panels.types";
import { AddPeerPanelMemberInput, CreatePeerPanelInput, RemovePeerPanelMemberInput, UpdatePeerPanelInput } from "./panels.inputs";

@Resolver(() => PeerPanel)
export class PeerPanelsResolver {
  @Query(() => PeerPanelConnection, { description: "Panels you may see: all for ADMIN; otherwise those you sit on or whose clusters you facilitate." })
  peerPanels(@Args() args: PageArgs, @Ctx() ctx: Context): Promise<ConnectionResult<PeerPanel>> {
    return listPanels(ctx.app.db, ctx.viewer, args);
  }

  @FieldResolver(() => [Cluster], { description: "The clusters the panel is drawn from." })
  async clusters(@Root() panel: PeerPanel, @Ctx() ctx: Context): Promise<Cluster[]> {
    const links = await ctx.loaders.panelClustersByPanel.load(panel.id);
    return (await ctx.loaders.clusterById.loadMany(links.map((l) => l.clusterId))).filter((c): c is Cluster => c instanceof Cluster);
  }

  @FieldResolver(() => [PeerPanelMember], { description: "The people on the panel now." })
  async members(@Root() panel: PeerPanel, @Ctx() ctx: Context): Promise<PeerPanelMember[]> {
    return (await ctx.loaders.panelMembersByPanel.load(panel.id)).filter((m) => m.removedAt === null);
  }

  @Mutation(() => PeerPanelPayload, { description: "Draw a panel from clusters (ADMIN, or a facilitator of one of them)." })
  async createPeerPanel(@Arg("input") input: CreatePeerPanelInput, @Ctx() ctx: Context): Promise<PeerPanelPayload> {
    return toPayload(await new PanelsService(ctx.app.db).create(ctx, { name: input.name, clusterIds: input.clusterIds }));
  }

  @Mutation(() => PeerPanelPayload, { description: "Rename a panel or move its status (ADMIN, facilitators of its clusters)." })
  async updatePeerPanel(@Arg("input") input: UpdatePeerPanelInput, @Ctx() ctx: Context): Promise<PeerPanelPayload> {
    return toPayload(await new PanelsService(ctx.app.db).update(ctx, input.id, input));
  }

  @Mutation(() => PeerPanelPayload, { description: "Put a person on a panel (ADMIN, facilitators of its clusters)." })
  async addPeerPanelMember(@Arg("input") input: AddPeerPanelMemberInput, @Ctx() ctx: Context): Promise<PeerPanelPayload> {
    return toPayload(await new PanelsService(ctx.app.db).addMember(ctx, input.panelId, input.email, input.organisationId ?? null));
  }

  @Mutation(() => PeerPanelPayload, { description: "Take a person off a panel; the record of their time on it stays." })
  async removePeerPanelMember(@Arg("input") input: RemovePeerPanelMemberInput, @Ctx() ctx: Context): Promise<PeerPanelPayload> {
    return toPayload(await new PanelsService(ctx.app.db).removeMember(ctx, input.panelMemberId));
  }
}

@Resolver(() => PeerPanelMember)
export class PeerPanelMemberResolver {
  @FieldResolver(() => User, { nullable: true, description: "The person (their name and email follow the personal-data rule)." })
  user(@Root() m: PeerPanelMember, @Ctx() ctx: Context): Promise<User | null> {
    return ctx.loaders.userById.load(m.userId);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The member organisation they sit for; null for a PANEL_MEMBER sitting for none." })
  organisation(@Root() m: PeerPanelMember, @Ctx() ctx: Context): Promise<Organisation | null> | null {
    return m.organisationId ? ctx.loaders.organisationById.load(m.organisationId) : null;
  }
}
