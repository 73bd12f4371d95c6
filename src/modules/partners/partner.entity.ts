// A partner system (a funder, a council, another network, a CRM) that syncs with the network through its API keys.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "A partner system and its API keys (ADMIN; a partner's own key sees its partner)." })
@Entity({ name: "partner" })
@Index("partner_name_key", { synchronize: false })
@Index("partner_created_idx", { synchronize: false })
export class Partner {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field()
  @Column({ type: "text" })
  name: string;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
