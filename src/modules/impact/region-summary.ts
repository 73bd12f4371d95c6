// regionSummary: impact's own figure (social value by theme, suppressed as impactSummary is) and every figure other
// modules contribute through regionFigureSources, each computed by the module that owns it, side by side.
import type { DataSource } from "typeorm";
import type { Viewer } from "../../auth/viewer";
import { money } from "../../graphql/scalars";
import { placesApi } from "../places/places.api";
import { ImpactGroupBy, ImpactTheme } from "./impact.enums";
import { regionFigureSources } from "./impact.api";
import { RegionSummary, ThemeSocialValue } from "./impact.types";
import { impactSummary } from "./summary";

export async function regionSummary(db: DataSource, viewer: Viewer, placeId: string, from: string, to: string): Promise<RegionSummary> {
  const sources = regionFigureSources.values();
  const places = await placesApi.withDescendants(db, [placeId]);
  const [byTheme, ...contributed] = await Promise.all([
    impactSummary(db, viewer, { placeIds: [placeId], from, to }, [ImpactGroupBy.THEME]),
    ...sources.map((s) => s.figures(db, places, from, to, viewer)),
  ]);
  const summary = Object.assign(new RegionSummary(), {
    from, to,
    socialValueByTheme: Object.values(ImpactTheme).map((theme) => {
      const g = byTheme.groups.find((x) => x.theme === theme);
      return Object.assign(new ThemeSocialValue(), { theme, suppressed: g?.suppressed ?? false, socialValue: g ? g.socialValue : money(0) });
    }),
  });
  sources.forEach((s, i) => Object.assign(summary, { [s.name]: contributed[i] }));
  return summary;
}
