// What other modules may ask of the register (they never read its tables themselves).
import type { DataSource, EntityManager, SelectQueryBuilder } from "typeorm";
import { ExtensionPoint } from "../../kit/extension-point";
import { rowShape } from "../../graphql/rows";
import { Sql } from "../../graphql/sql";
import { organisationOf } from "./organisations.relations";
import { placesApi } from "../places/places.api";
import { Organisation } from "./organisation.entity";
import { PlaceMatch, StoStatus } from "./organisation.enums";
import { CreateOrganisationInput, OrganisationFilter } from "./organisations.inputs";
import { OrganisationsService, OrganisationResult } from "./organisations.service";
import type { Actor } from "../../auth/viewer";

export const organisationsApi = {
  /**
   * The register's rows as SQL for another module's relations to join (`JOIN (...) o ON o.id = ...`), so no module
   * names this module's tables or columns. Archived organisations are included, as everywhere an ID points at one.
   */
  rowsSql(db: DataSource): Sql {
    return Sql.raw(`SELECT ${rowShape(db, Organisation).select("r")} FROM organisation r`);
  },

  /** A relation of another type whose `parentKey` column holds an organisation's id: that organisation. */
  asRelation: organisationOf,

  /** Registers an organisation through the register's own rules and audit (e.g. a housing partner in another module's demo). */
  register(db: DataSource | EntityManager, actor: Actor, input: CreateOrganisationInput): Promise<OrganisationResult> {
    return new OrganisationsService(db).create(actor, Object.assign(new CreateOrganisationInput(), input));
  },

  /** Organisations by id (missing ids are simply absent). */
  async byIds(db: DataSource | EntityManager, ids: string[]): Promise<Map<string, Organisation>> {
    if (!ids.length) return new Map();
    const rows = await db.getRepository(Organisation).createQueryBuilder("o").where("o.id = ANY(:ids)", { ids }).getMany();
    return new Map(rows.map((o) => [o.id, o]));
  },

  /** Organisations not archived, by name; with `placeIds`, only those registered in or serving one of them. */
  async listActive(db: DataSource | EntityManager, o: { placeIds?: string[] } = {}): Promise<Organisation[]> {
    const qb = db.getRepository(Organisation).createQueryBuilder("o").where("o.archived_at IS NULL").orderBy("o.name").addOrderBy("o.id");
    if (o.placeIds) qb.andWhere(organisationsApi.inPlacesCondition("o.id", "places"), { places: o.placeIds });
    return qb.getMany();
  },

  /** True when the user holds any role (OWNER, EDITOR or VIEWER) in the organisation. */
  async hasMember(db: DataSource | EntityManager, organisationId: string, userId: string): Promise<boolean> {
    const [row] = await db.query(
      "SELECT EXISTS (SELECT 1 FROM organisation_membership WHERE organisation_id = $1 AND user_id = $2) AS found", [organisationId, userId],
    );
    return row.found === true;
  },

  /**
   * The organisations the user belongs to, or belonged to at any time on or after `since` (a London day): what a
   * look-back rule such as a conflict of interest asks about.
   */
  async organisationsOfUser(db: DataSource | EntityManager, userId: string | null, since: string): Promise<Set<string>> {
    if (!userId) return new Set();
    const rows: { organisation_id: string }[] = await db.query(
      `SELECT organisation_id FROM organisation_membership WHERE user_id = $1
        UNION SELECT organisation_id FROM organisation_membership_ended
        WHERE user_id = $1 AND (ended_at AT TIME ZONE 'Europe/London')::date >= $2::date`,
      [userId, since],
    );
    return new Set(rows.map((r) => r.organisation_id));
  },

  /** True when the organisation exists, is not archived and its latest assessment found it an STO. */
  async isEligibleSto(db: DataSource | EntityManager, id: string): Promise<boolean> {
    const o = (await organisationsApi.byIds(db, [id])).get(id);
    return !!o && !o.archivedAt && o.stoStatus === StoStatus.ELIGIBLE;
  },

  /**
   * SQL condition: the organisation in `organisationColumn` is registered in or serves (or, by `match`, only one of
   * the two) one of the places bound to `:<param>` or a place inside them (a borough also matches its wards).
   */
  inPlacesCondition(organisationColumn: string, param: string, match: PlaceMatch = PlaceMatch.EITHER): string {
    const within = placesApi.withinAny(param);
    const registered = `o_p.registered_place_id = ${within}`;
    const serving = `EXISTS (SELECT 1 FROM organisation_place_served s_p WHERE s_p.organisation_id = o_p.id AND s_p.place_id = ${within})`;
    const test = match === PlaceMatch.REGISTERED_IN ? registered : match === PlaceMatch.SERVING ? serving : `(${registered} OR ${serving})`;
    return `EXISTS (SELECT 1 FROM organisation o_p WHERE o_p.id = ${organisationColumn} AND ${test})`;
  },

  /** SQL condition: the organisation in `organisationColumn` is in the register and not archived. */
  notArchivedCondition(organisationColumn: string): string {
    return `EXISTS (SELECT 1 FROM organisation o_a WHERE o_a.id = ${organisationColumn} AND o_a.archived_at IS NULL)`;
  },
};

/**
 * A filter field a later module adds to `OrganisationFilter`, answered from its own tables (e.g. clusters' clusterIds):
 * the module owns the field's declaration and its SQL; this module only calls it.
 */
export interface OrganisationFilterField {
  name: string;
  /** Declares the input field (type, description, limits), e.g. IdListField("Cluster", { max: 50, nullable: true }). */
  field: PropertyDecorator;
  /** Adds the condition on `o` (the organisation) for the value the client gave; not called for null or absent. */
  apply(qb: SelectQueryBuilder<Organisation>, value: never): void;
}

export const organisationFilters = new ExtensionPoint<OrganisationFilterField>("organisations.filters",
  (f) => f.field(OrganisationFilter.prototype, f.name));
