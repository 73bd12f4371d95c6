// The directory query: text search (full text + trigram), filters, and keyset orderings for `organisations`.
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { ConnectionResult, Ordering, PageArgs, paginate } from "../../graphql/connection";
import { badInput } from "../../graphql/errors";
import { keyOf } from "../../graphql/ids";
import { organisationsApi } from "./organisations.api";
import { Organisation } from "./organisation.entity";
import { OrderDirection, OrganisationFilter, OrganisationOrder, OrganisationOrderField } from "./organisations.inputs";

/** Kept by a trigger from name and description (see the OrganisationSearchDocument migration). */
const DOCUMENT = "o.search_document";
const QUERY = "websearch_to_tsquery('english'::regconfig, :search)";
/**
 * Word similarity at or above this counts as a match (a typo or two in a word of a name). It is the session's
 * pg_trgm.word_similarity_threshold (see index.ts) so `<%` can use the trigram index.
 */
export const TYPO_TOLERANCE = "0.4";
const RANK = `(ts_rank(${DOCUMENT}, ${QUERY}) + word_similarity(:search, o.name))::real`;

const ORDER_KEYS: Record<OrganisationOrderField, string[]> = {
  NAME: ["lower(o.name)", "o.id"],
  CREATED_AT: ["o.created_at", "o.id"],
  UPDATED_AT: ["o.updated_at", "o.id"],
  RELEVANCE: [RANK, "o.id"],
};

function orderingFor(order: OrganisationOrder | null | undefined, searching: boolean): Ordering {
  const field = order?.field ?? (searching ? OrganisationOrderField.RELEVANCE : OrganisationOrderField.NAME);
  if (field === OrganisationOrderField.RELEVANCE && !searching) throw badInput("orderBy RELEVANCE needs filter.search.");
  const direction = order?.direction ?? (field === OrganisationOrderField.RELEVANCE ? OrderDirection.DESC : OrderDirection.ASC);
  return { name: field, keys: ORDER_KEYS[field], direction };
}

/** A condition another module adds to the directory for a filter field it owns (e.g. clusters for clusterIds). */
export type DirectoryFilter = (qb: SelectQueryBuilder<Organisation>, filter: OrganisationFilter, db: DataSource) => void | Promise<void>;
const moduleFilters: DirectoryFilter[] = [];

/** Lets a later module filter the directory on its own tables without this module reading them. */
export function addDirectoryFilter(fn: DirectoryFilter): void {
  moduleFilters.push(fn);
}

export async function listOrganisations(
  db: DataSource, args: PageArgs, filter: OrganisationFilter = {}, order?: OrganisationOrder | null,
): Promise<ConnectionResult<Organisation>> {
  const search = filter.search?.trim() ?? "";
  const ordering = orderingFor(order, search.length > 0);
  const places = filter.placeIds?.length ? await organisationsApi.placesWithin(db, filter.placeIds.map((id) => {
    const key = keyOf(id, "Place");
    if (!key) throw badInput("filter.placeIds must hold places' IDs.");
    return key;
  })) : null;

  const like = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const searchCondition = search ? await matchCondition(db, search, like) : null;
  const qb = db.getRepository(Organisation).createQueryBuilder("o");
  if (!filter.includeArchived) qb.andWhere("o.archived_at IS NULL");
  if (searchCondition) qb.andWhere(searchCondition, { search, like });
  if (filter.legalForms?.length) qb.andWhere("o.legal_form = ANY(:legalForms)", { legalForms: filter.legalForms });
  if (filter.stoStatuses?.length) qb.andWhere("o.sto_status = ANY(:stoStatuses)", { stoStatuses: filter.stoStatuses });
  if (filter.lifecycleStages?.length) qb.andWhere("o.lifecycle_stage = ANY(:stages)", { stages: filter.lifecycleStages });
  if (filter.causes?.length) qb.andWhere("o.causes && :causes::text[]", { causes: filter.causes });
  if (places) qb.andWhere(organisationsApi.inPlacesCondition("o.id", "places"), { places });
  for (const fn of moduleFilters) await fn(qb, filter, db);
  return paginate(qb, ordering, args);
}

/**
 * Words that occur in the register match exactly (full text, or part of a name); only when none does is the
 * search read as a typo and matched by trigram word similarity. One OR of all three made PostgreSQL test every
 * row for the count (0.5 s at 100,000 organisations); each of these two stays on its index.
 */
async function matchCondition(db: DataSource, search: string, like: string): Promise<string> {
  // A search of only symbols has no words to find: nothing matches, rather than everything.
  if (!/[\p{L}\p{N}]/u.test(search)) return "false";
  const exact = `(${DOCUMENT} @@ ${QUERY} OR o.name ILIKE :like)`;
  const [{ found }] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM organisation o WHERE o.archived_at IS NULL
       AND (o.search_document @@ websearch_to_tsquery('english'::regconfig, $1) OR o.name ILIKE $2)) AS found`,
    [search, like],
  );
  return found ? exact : ":search <% o.name";
}
