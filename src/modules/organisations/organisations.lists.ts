// The register's read side: the directory (`organisations`: text search, filters, keyset orderings), with the filter
// fields later modules add through `organisationFilters`.
import type { DataSource } from "typeorm";
import { ConnectionResult, FoldingRead, OrderDirection, Ordering, PageArgs, paginate } from "../../graphql/connection";
import { badInput } from "../../graphql/errors";
import { organisationFilters, organisationsApi } from "./organisations.api";
import { Organisation } from "./organisation.entity";
import { parseIdentifier } from "./identifiers";
import { OrganisationFilter, OrganisationOrder, OrganisationOrderField } from "./organisations.inputs";
import { whereAnyOf } from "../../kit/list-filters";

/** Kept by a trigger from name and description (see the OrganisationSearchDocument migration). */
const DOCUMENT = "o.search_document";
const QUERY = "websearch_to_tsquery('english'::regconfig, :search)";
/**
 * Word similarity at or above this counts as a match (a typo or two in a word of a name). It is the session's
 * pg_trgm.word_similarity_threshold (see index.ts) so `<%` can use the trigram index.
 */
export const TYPO_TOLERANCE = "0.4";
/** The organisation holding the identifier bound as `:searchIdentifier` (null when the search is not an org-id). */
const HOLDS_SEARCHED_IDENTIFIER = "EXISTS (SELECT 1 FROM organisation_identifier i_s WHERE i_s.organisation_id = o.id AND i_s.value = :searchIdentifier)";
/** A search that is an org-id puts its organisation first; otherwise text rank plus name similarity. */
const RANK = `(ts_rank(${DOCUMENT}, ${QUERY}) + word_similarity(:search, o.name) + CASE WHEN ${HOLDS_SEARCHED_IDENTIFIER} THEN 10 ELSE 0 END)::real`;

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

export async function listOrganisations(
  db: DataSource, args: PageArgs, filter: OrganisationFilter = {}, order?: OrganisationOrder | null, read?: FoldingRead,
): Promise<ConnectionResult<Organisation>> {
  const search = filter.search?.trim() ?? "";
  const ordering = orderingFor(order, search.length > 0);

  const like = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const parsed = search ? parseIdentifier(search) : null;
  const searchIdentifier = parsed && "value" in parsed ? parsed.value : null;
  const words = search ? await matchCondition(db, search, like) : null;
  const searchCondition = words && searchIdentifier ? `(${words} OR ${HOLDS_SEARCHED_IDENTIFIER})` : words;
  const qb = db.getRepository(Organisation).createQueryBuilder("o");
  if (!filter.includeArchived) qb.andWhere("o.archived_at IS NULL");
  if (searchCondition) qb.andWhere(searchCondition, { search, like, searchIdentifier });
  if (filter.identifier !== undefined && filter.identifier !== null) {
    const wanted = parseIdentifier(filter.identifier);
    if ("error" in wanted) throw badInput(`filter.identifier: ${wanted.error}`);
    qb.andWhere("EXISTS (SELECT 1 FROM organisation_identifier i_f WHERE i_f.organisation_id = o.id AND i_f.value = :identifier)", { identifier: wanted.value });
  }
  if (filter.updatedSince) qb.andWhere("o.updated_at >= :updatedSince", { updatedSince: filter.updatedSince });
  whereAnyOf(qb, filter.legalForms, "o.legal_form = ANY(:legalForms)", { legalForms: filter.legalForms });
  whereAnyOf(qb, filter.stoStatuses, "o.sto_status = ANY(:stoStatuses)", { stoStatuses: filter.stoStatuses });
  whereAnyOf(qb, filter.lifecycleStages, "o.lifecycle_stage = ANY(:stages)", { stages: filter.lifecycleStages });
  whereAnyOf(qb, filter.causes, "o.causes && :causes::text[]", { causes: filter.causes });
  whereAnyOf(qb, filter.placeIds, organisationsApi.inPlacesCondition("o.id", "places", filter.placeMatch ?? undefined), { places: filter.placeIds });
  for (const extra of organisationFilters.values()) {
    const value = (filter as Record<string, unknown>)[extra.name];
    if (value !== null && value !== undefined) extra.apply(qb, value as never);
  }
  return paginate(qb, ordering, args, read);
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
  return (await occursInRegister(db, search, like)) ? exact : ":search <% o.name";
}

/**
 * Whether a search's words occur in the register, remembered per database for a short while: a directory repeats
 * the same searches, and asking again each time was a statement in every search's request. A register that changed
 * since then shows it within DECISION_TTL_MS (until then a new name is still found by similarity, and a search whose
 * only exact match was archived finds nothing rather than near names).
 */
const DECISION_TTL_MS = 30_000;
const DECISIONS_KEPT = 1000;
const decisions = new WeakMap<DataSource, Map<string, { found: boolean; at: number }>>();

async function occursInRegister(db: DataSource, search: string, like: string): Promise<boolean> {
  if (!decisions.has(db)) decisions.set(db, new Map());
  const known = decisions.get(db)!;
  const now = Date.now();
  const hit = known.get(search);
  if (hit && now - hit.at < DECISION_TTL_MS) return hit.found;
  const [{ found }] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM organisation o WHERE o.archived_at IS NULL
       AND (o.search_document @@ websearch_to_tsquery('english'::regconfig, $1) OR o.name ILIKE $2)) AS found`,
    [search, like],
  );
  // Oldest first out (a Map keeps insertion order).
  known.delete(search);
  if (known.size >= DECISIONS_KEPT) known.delete(known.keys().next().value!);
  known.set(search, { found, at: now });
  return found;
}
