// The scheme lifecycle: one stage at a time from group forming to homes let. Each move is audited, kept in the stage
// history with its day and who moved it, and recorded as scheme.stageChanged.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { applyMove, checkMove, Lifecycle } from "../../kit/lifecycle";
import type { Refusal } from "../../kit/refusals";
import { HousingSchemeStage as S } from "./housing.enums";
import { housingEvents } from "./housing.events";
import { HousingScheme } from "./scheme.entity";
import { SchemeStageChange } from "./scheme-stage.entity";

export const SCHEME_MOVES: Record<S, readonly S[]> = {
  GROUP_FORMING: [S.SITE_IDENTIFIED],
  SITE_IDENTIFIED: [S.OPTION_AGREED],
  OPTION_AGREED: [S.PLANNING],
  PLANNING: [S.ON_SITE],
  ON_SITE: [S.COMPLETED],
  COMPLETED: [S.LET],
  LET: [],
};

const SCHEME_LIFECYCLE: Lifecycle<S> = { noun: "A housing scheme", entityType: "HousingScheme", auditAs: "scheme", moves: SCHEME_MOVES, attribute: "stage" };

export function schemeMoveProblem(scheme: HousingScheme, to: S): Refusal | null {
  return checkMove(SCHEME_LIFECYCLE, scheme.stage, to);
}

/** Writes a stage the scheme reached to its history and tells whoever follows the pipeline. */
export async function recordSchemeStage(m: EntityManager, actor: Actor, scheme: HousingScheme, from: S | null, on: string, note: string | null): Promise<void> {
  await m.save(m.create(SchemeStageChange, { schemeId: scheme.id, stage: scheme.stage, movedOn: on, movedBy: actor.viewer.userId, note }));
  await housingEvents.stageChanged(m, actor, {
    schemeId: scheme.id, leadOrganisationId: scheme.leadOrganisationId, placeId: scheme.placeId, from, to: scheme.stage, on,
  });
}

export async function moveScheme(
  m: EntityManager, actor: Actor, scheme: HousingScheme, to: S, on: string, note: string | null, changes: Partial<HousingScheme> = {},
): Promise<HousingScheme> {
  const from = scheme.stage;
  const moved = await applyMove(m, actor, SCHEME_LIFECYCLE, scheme, to, changes, { after: { on, note } });
  await recordSchemeStage(m, actor, moved, from, on, note);
  return moved;
}
