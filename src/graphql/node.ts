// The Node interface, global `id` for every implementing type, and `node(id:)` / `nodes(ids:)` through per-type loaders.
import { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Field, FieldResolver, ID, Info, InterfaceType, Resolver, Root } from "type-graphql";
import { Query } from "./operations";
import type { Context } from "./context";
import { badInput } from "./errors";
import { fromGlobalId, toGlobalId } from "./ids";

@InterfaceType({ description: "An object with a global ID that can be refetched with node(id:)." })
export abstract class Node {
  @Field(() => ID, { description: "Opaque global ID." })
  id: string;
}

const MAX_NODES = 100;

@Resolver(() => Node)
export class NodeResolver {
  /** Every Node's `id` is its type name and primary key, encoded; the object itself holds the raw key. */
  @FieldResolver(() => ID)
  id(@Root() root: { id: string | number }, @Info() info: GraphQLResolveInfo): string {
    return toGlobalId(info.parentType.name, root.id);
  }

  @Query(() => Node, { nullable: true, description: "Any object by its global ID; null when missing or hidden from you." })
  async node(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], { nullable: "items", description: `Up to ${MAX_NODES} objects by global ID, in the order asked.` })
  async nodes(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<(object | null)[]> {
    if (ids.length > MAX_NODES) throw badInput(`Ask for at most ${MAX_NODES} ids at once.`);
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}

async function loadNode(ctx: Context, id: string): Promise<object | null> {
  const decoded = fromGlobalId(id);
  if (!decoded) throw badInput("That is not a valid ID.");
  const type = ctx.app.nodeTypes.get(decoded.typeName);
  if (!type) throw badInput("That is not a valid ID.");
  return type.load(ctx, decoded.key);
}
