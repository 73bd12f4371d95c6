// The domain events of community-led housing: the pipeline moving and homes delivered. Recorded through
// domainEvents.record in the transaction of the change; data carries ids, stages, days and counts.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { domainEvents } from "../../events/domain-events";
import type { HomeTenure, HomesRoute, HousingSchemeStage } from "./housing.enums";

export const housingEvents = {
  /** A scheme reached a stage (`from` is null when it starts). */
  stageChanged(m: EntityManager, actor: Actor, d: {
    schemeId: string; leadOrganisationId: string; placeId: string; from: HousingSchemeStage | null; to: HousingSchemeStage; on: string;
  }) {
    return domainEvents.record(m, actor, { type: "scheme.stageChanged", subjectType: "HousingScheme", subjectId: d.schemeId, data: d });
  },

  /** Homes were completed on a day. */
  homesCompleted(m: EntityManager, actor: Actor, d: {
    schemeId: string; placeId: string; completedOn: string; homes: { tenure: HomeTenure; route: HomesRoute; homes: number }[];
  }) {
    return domainEvents.record(m, actor, { type: "scheme.homesCompleted", subjectType: "HousingScheme", subjectId: d.schemeId, data: d });
  },
};
