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
import type { Actor, Viewer } from "../../auth/viewer";
import type { OrganisationRole } from "../../auth/roles";
import type { Membership } from "../../auth/membership.entity";
import { organisationAccess } from "./access";
import { PeopleService } from "./people.service";
import { lockOrganisation } from "./organisations.service";
import { refuse } from "../../kit/refusals";

export interface PublicProfile {
  id: string;
  name: string;
  identifiers: string[];
  place: { name: string; code: string } | null;
}

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

  /**
   * Lets a partner's API keys change the organisation (linked), or stops them (not linked): its owners and ADMIN only.
   * In the caller's transaction; audited.
   */
  linkPartner(m: EntityManager, actor: Actor, organisationId: string, partnerId: string, linked: boolean): Promise<OrganisationResult> {
    return new OrganisationsService(m).linkPartner(actor, organisationId, partnerId, linked);
  },

  /** The organisations a partner may change through its keys (created or linked), as a SQL condition on an id column. */
  linkedToPartnerCondition(organisationColumn: string, param: string): string {
    return `EXISTS (SELECT 1 FROM organisation_partner l_p WHERE l_p.organisation_id = ${organisationColumn} AND l_p.partner_id = :${param})`;
  },

  /** Whether a partner may change the organisation through its keys (it created it, or an owner linked it). */
  async linkedToPartner(db: DataSource | EntityManager, organisationId: string, partnerId: string): Promise<boolean> {
    const [row] = await db.query(
      "SELECT EXISTS (SELECT 1 FROM organisation_partner WHERE organisation_id = $1 AND partner_id = $2) AS linked", [organisationId, partnerId],
    );
    return row.linked === true;
  },

  /**
   * What the register publishes of organisations as open data: name, org-id identifiers and the place it is registered
   * in (name and GSS code). Never people, contacts or assessments.
   */
  async publicProfiles(db: DataSource | EntityManager, ids: string[]): Promise<Map<string, PublicProfile>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string; identifiers: string[] | null; place_name: string | null; place_code: string | null }[] = await db.query(
      `SELECT o.id, o.name, p.name AS place_name, p.code AS place_code,
              (SELECT array_agg(i.value ORDER BY i.value) FROM organisation_identifier i WHERE i.organisation_id = o.id) AS identifiers
         FROM organisation o LEFT JOIN place p ON p.id = o.registered_place_id WHERE o.id = ANY($1)`, [ids],
    );
    return new Map(rows.map((r) => [r.id, {
      id: r.id, name: r.name, identifiers: r.identifiers ?? [], place: r.place_code ? { name: r.place_name!, code: r.place_code } : null,
    }]));
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

  /** Whether the viewer may invite and remove the organisation's members (its owners and ADMIN). */
  mayManageMembers: (v: Viewer, organisationId: string): boolean => organisationAccess.manageMembers(v, organisationId),

  /** Locks the organisation for a change about it; refuses NOT_FOUND or ARCHIVED on `field`. */
  async lockActive(m: EntityManager, id: string, field = "organisationId"): Promise<Organisation> {
    const organisation = await lockOrganisation(m, id, field);
    if (organisation.archivedAt) refuse(field, "ARCHIVED", "This organisation is archived.");
    return organisation;
  },

  /** Makes a person a member with a role (or changes their role), under the register's rules, audited. */
  addMember(m: EntityManager, actor: Actor, organisationId: string, userId: string, role: OrganisationRole): Promise<Membership> {
    return PeopleService.addMember(m, actor, organisationId, userId, role);
  },

  /** Names of the organisations where the person is the only OWNER (they must hand over before leaving for good). */
  async soleOwnerOf(db: DataSource | EntityManager, userId: string): Promise<string[]> {
    const rows: { name: string }[] = await db.query(
      `SELECT o.name FROM organisation_membership m JOIN organisation o ON o.id = m.organisation_id
        WHERE m.user_id = $1 AND m.role = 'OWNER'
          AND NOT EXISTS (SELECT 1 FROM organisation_membership x WHERE x.organisation_id = m.organisation_id AND x.role = 'OWNER' AND x.user_id <> $1)
        ORDER BY o.name`,
      [userId],
    );
    return rows.map((r) => r.name);
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
