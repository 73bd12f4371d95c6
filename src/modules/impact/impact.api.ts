// What later modules may ask of impact, and the two extension points they contribute to: sets of organisations a
// summary can filter and group by (a fund's agreement holders, a cohort's), and the figures a region summary shows
// (assets, homes, money). Impact never reads their tables: each module answers for its own figures.
import type { DataSource } from "typeorm";
import { ExtensionPoint } from "../../kit/extension-point";
import type { Sql } from "../../graphql/sql";
import type { Viewer } from "../../auth/viewer";
import { ImpactGroupBy } from "./impact.enums";
import { ImpactFilter } from "./impact.inputs";
import { ImpactGroup, RegionSummary } from "./impact.types";

export { ImpactGroup, RegionSummary };
export { costMeasurements, costVerifiedMeasurementsOf, type CostedMeasurement } from "./measurement-costing";

/** Organisations grouped by another module's keys, e.g. funds' agreement holders by fund. */
export interface ImpactOrganisationSet {
  /** The ImpactFilter field it adds, e.g. "fundIds". */
  filter: string;
  /** Declares that field, e.g. IdListField("Fund", { max: 50, nullable: true }); the service receives primary keys. */
  field: PropertyDecorator;
  /** The groupBy value it adds, e.g. "FUND" (groups carry the key in `keys.FUND` for the module's own field on ImpactGroup). */
  groupBy?: string;
  /** SQL of (organisation_id, key) rows: which organisations belong to which key. */
  members(db: DataSource): Sql;
}

export const impactOrganisationSets = new ExtensionPoint<ImpactOrganisationSet>("impact.organisationSets", (s) => {
  s.field(ImpactFilter.prototype, s.filter);
  if (s.groupBy) (ImpactGroupBy as Record<string, string>)[s.groupBy] = s.groupBy;
});

/** A module's part of the region summary: one field on RegionSummary, answered from the module's own tables. */
export interface RegionFigureSource {
  /** The RegionSummary field, e.g. "assets". */
  name: string;
  /** Declares it, e.g. Field(() => AssetRegionFigures, { description }). */
  field: PropertyDecorator;
  /** The figures for these places (each with the places inside it) from `from` to `to`, both days counted. */
  figures(db: DataSource, placeIds: string[], from: string, to: string, viewer: Viewer): Promise<object>;
}

export const regionFigureSources = new ExtensionPoint<RegionFigureSource>("impact.regionFigures",
  (s) => s.field(RegionSummary.prototype, s.name));
