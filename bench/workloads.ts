// The benchmarked workloads: each is one request, written once for kith's schema and once for PostGraphile's (over
// bench/postgraphile/kith_bench.sql), with how to bring both answers to one shape so they can be compared.
// Add a workload by adding an entry to WORKLOADS.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/* eslint-disable @typescript-eslint/no-explicit-any -- answers are JSON walked by known shape */
type Json = any;

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/** Facts of the bench database a request needs (looked up once, after seeding). */
export interface Fixtures {
  /** Liverpool's place id (ONS code E08000012). */
  liverpool: string;
}

/** Who sends the request: kith needs a signed-in analyst for agreements; PostGraphile reads as its one role. */
export type Caller = "anonymous" | "analyst";

export interface Workload {
  name: string;
  title: string;
  caller: Caller;
  kith(f: Fixtures): GraphQLRequest;
  postgraphile(f: Fixtures): GraphQLRequest;
  /** Both answers' `data` brought to one shape: raw uuids, numbers as numbers, timestamps as ISO UTC. */
  sameShape: { kith(data: Json): unknown; postgraphile(data: Json): unknown };
}

/** The contract's text of an operation (shared/contract beside the repository), so kith is benched on exactly it. */
export function contractOperation(path: string): string {
  const file = join(__dirname, "..", "..", "shared", "contract", path);
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new Error(`the contract operation ${file} is missing (shared/contract must sit beside the repository)`);
  }
}

/** kith's global ID (base64url of "Type:key") as its raw key; the type must be the expected one. */
export function rawId(globalId: string, type: string): string {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const colon = decoded.indexOf(":");
  if (decoded.slice(0, colon) !== type) throw new Error(`expected a ${type} ID, got ${decoded.slice(0, colon) || globalId}`);
  return decoded.slice(colon + 1);
}

const num = (v: string | number | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));
const instant = (v: string | null): string | null => (v === null ? null : new Date(v).toISOString());
const page = (p: Json) => ({ hasNextPage: p.hasNextPage, hasEndCursor: typeof p.endCursor === "string" });

const LIVERPOOL_FILTER = (f: Fixtures, search: string) => ({ search, placeIds: [Buffer.from(`Place:${f.liverpool}`).toString("base64url")] });

/** The nested organisation page of workloads (d) and (e), for kith. */
const NESTED_KITH = `query NestedOrganisations($first: Int!) {
  organisations(first: $first) {
    nodes {
      id name
      registeredPlace { id name }
      placesServed { id name }
      identifiers
      clusters(first: 5) { nodes { id name } }
      agreements(first: 5) { nodes { id amount { pence } } }
    }
  }
}`;

/** The same for PostGraphile: kith's default order (name, then id) and its default filter (not archived). */
const NESTED_POSTGRAPHILE = `query NestedOrganisations($first: Int!) {
  allOrganisations(first: $first, orderBy: [SORT_NAME_ASC, ROW_ID_ASC], condition: { archivedAt: null }) {
    nodes {
      rowId name
      placeByRegisteredPlaceId { rowId name }
      placesServedList { rowId name }
      identifiers
      clusters(first: 5) { nodes { rowId name } }
      agreementsByOrganisationId(first: 5, orderBy: [AWARDED_ON_DESC, ROW_ID_DESC]) { nodes { rowId amountPence } }
    }
  }
}`;

const nested = {
  kith: (d: Json) => d.organisations.nodes.map((o: Json) => ({
    id: rawId(o.id, "Organisation"), name: o.name,
    registeredPlace: o.registeredPlace && { id: rawId(o.registeredPlace.id, "Place"), name: o.registeredPlace.name },
    placesServed: o.placesServed.map((p: Json) => ({ id: rawId(p.id, "Place"), name: p.name })),
    identifiers: o.identifiers,
    clusters: o.clusters.nodes.map((c: Json) => ({ id: rawId(c.id, "Cluster"), name: c.name })),
    agreements: o.agreements.nodes.map((a: Json) => ({ id: rawId(a.id, "Agreement"), pence: num(a.amount.pence) })),
  })),
  postgraphile: (d: Json) => d.allOrganisations.nodes.map((o: Json) => ({
    id: o.rowId, name: o.name,
    registeredPlace: o.placeByRegisteredPlaceId && { id: o.placeByRegisteredPlaceId.rowId, name: o.placeByRegisteredPlaceId.name },
    placesServed: o.placesServedList.map((p: Json) => ({ id: p.rowId, name: p.name })),
    identifiers: o.identifiers,
    clusters: o.clusters.nodes.map((c: Json) => ({ id: c.rowId, name: c.name })),
    agreements: o.agreementsByOrganisationId.nodes.map((a: Json) => ({ id: a.rowId, pence: num(a.amountPence) })),
  })),
};

export const WORKLOADS: Workload[] = [
  {
    name: "directory",
    title: "contract OrganisationDirectory (search \"bakery\" in Liverpool, 20 rows, place + clusters)",
    caller: "anonymous",
    kith: (f) => ({ query: contractOperation("portal/OrganisationDirectory.graphql"), variables: { filter: LIVERPOOL_FILTER(f, "bakery") } }),
    postgraphile: (f) => ({
      query: `query OrganisationDirectory($search: String!, $placeIds: [UUID]) {
        searchOrganisations(search: $search, placeIds: $placeIds, first: 20) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node {
            rowId name legalForm stoStatus
            placeByRegisteredPlaceId { rowId name code }
            clusters(first: 5) { nodes { rowId name kind } }
          } }
        }
      }`,
      variables: { search: "bakery", placeIds: [f.liverpool] },
    }),
    sameShape: {
      kith: (d) => ({
        totalCount: d.organisations.totalCount, ...page(d.organisations.pageInfo),
        rows: d.organisations.edges.map(({ cursor, node: o }: Json) => ({
          hasCursor: typeof cursor === "string", id: rawId(o.id, "Organisation"), name: o.name, legalForm: o.legalForm, stoStatus: o.stoStatus,
          registeredPlace: o.registeredPlace && { id: rawId(o.registeredPlace.id, "Place"), name: o.registeredPlace.name, code: o.registeredPlace.code },
          clusters: o.clusters.nodes.map((c: Json) => ({ id: rawId(c.id, "Cluster"), name: c.name, kind: c.kind })),
        })),
      }),
      postgraphile: (d) => ({
        totalCount: d.searchOrganisations.totalCount, ...page(d.searchOrganisations.pageInfo),
        rows: d.searchOrganisations.edges.map(({ cursor, node: o }: Json) => ({
          hasCursor: typeof cursor === "string", id: o.rowId, name: o.name, legalForm: o.legalForm, stoStatus: o.stoStatus,
          registeredPlace: o.placeByRegisteredPlaceId && {
            id: o.placeByRegisteredPlaceId.rowId, name: o.placeByRegisteredPlaceId.name, code: o.placeByRegisteredPlaceId.code,
          },
          clusters: o.clusters.nodes.map((c: Json) => ({ id: c.rowId, name: c.name, kind: c.kind })),
        })),
      }),
    },
  },
  {
    name: "pay-it-forward",
    title: "contract PayItForward (fund figures from the ledger)",
    caller: "analyst",
    kith: () => ({ query: contractOperation("dashboard/PayItForward.graphql") }),
    postgraphile: () => ({
      query: `query PayItForward {
        allFunds(first: 10, orderBy: [SORT_NAME_ASC, ROW_ID_ASC]) {
          nodes {
            rowId name
            figures { contributedPence awardedPence disbursedPence repaidCashPence repaidSocialPence recycledPence availablePence }
            agreementsByFundId(first: 1) { totalCount }
          }
        }
      }`,
    }),
    sameShape: {
      kith: (d) => d.funds.nodes.map((f: Json) => ({
        id: rawId(f.id, "Fund"), name: f.name,
        contributed: num(f.contributed.pence), awarded: num(f.awarded.pence), disbursed: num(f.disbursed.pence),
        repaidCash: num(f.repaidCash.pence), repaidSocial: num(f.repaidSocial.pence), recycled: num(f.recycled.pence),
        available: num(f.available.pence), agreements: f.agreements.totalCount,
      })),
      postgraphile: (d) => d.allFunds.nodes.map((f: Json) => ({
        id: f.rowId, name: f.name,
        contributed: num(f.figures.contributedPence), awarded: num(f.figures.awardedPence), disbursed: num(f.figures.disbursedPence),
        repaidCash: num(f.figures.repaidCashPence), repaidSocial: num(f.figures.repaidSocialPence), recycled: num(f.figures.recycledPence),
        available: num(f.figures.availablePence), agreements: f.agreementsByFundId.totalCount,
      })),
    },
  },
  {
    name: "sync-awards",
    title: "contract SyncAwards (100 agreements with organisation and fund)",
    caller: "analyst",
    kith: () => ({ query: contractOperation("partner/SyncAwards.graphql") }),
    postgraphile: () => ({
      // kith's agreements list: by updatedAt, then id, ascending.
      query: `query SyncAwards {
        allAgreements(first: 100, orderBy: [UPDATED_AT_ASC, ROW_ID_ASC]) {
          pageInfo { hasNextPage endCursor }
          nodes {
            rowId updatedAt awardedOn amountPence currency cashRepayablePence socialRepayablePence
            organisationByOrganisationId { rowId name identifiers }
            fundByFundId { rowId name }
          }
        }
      }`,
    }),
    sameShape: {
      kith: (d) => ({
        ...page(d.agreements.pageInfo),
        rows: d.agreements.nodes.map((a: Json) => ({
          id: rawId(a.id, "Agreement"), updatedAt: instant(a.updatedAt), awardedOn: a.awardedOn,
          amount: num(a.amount.pence), currency: a.amount.currency, cashRepayable: num(a.cashRepayable.pence),
          socialRepayable: num(a.socialRepayable.pence),
          organisation: a.organisation && { id: rawId(a.organisation.id, "Organisation"), name: a.organisation.name, identifiers: a.organisation.identifiers },
          fund: { id: rawId(a.fund.id, "Fund"), name: a.fund.name },
        })),
      }),
      postgraphile: (d) => ({
        ...page(d.allAgreements.pageInfo),
        rows: d.allAgreements.nodes.map((a: Json) => ({
          id: a.rowId, updatedAt: instant(a.updatedAt), awardedOn: a.awardedOn,
          amount: num(a.amountPence), currency: a.currency, cashRepayable: num(a.cashRepayablePence),
          socialRepayable: num(a.socialRepayablePence),
          organisation: a.organisationByOrganisationId && {
            id: a.organisationByOrganisationId.rowId, name: a.organisationByOrganisationId.name,
            identifiers: a.organisationByOrganisationId.identifiers,
          },
          fund: { id: a.fundByFundId.rowId, name: a.fundByFundId.name },
        })),
      }),
    },
  },
  {
    name: "nested-50",
    title: "50 organisations with place, places served, identifiers, clusters(5), agreements(5)",
    caller: "analyst",
    kith: () => ({ query: NESTED_KITH, variables: { first: 50 } }),
    postgraphile: () => ({ query: NESTED_POSTGRAPHILE, variables: { first: 50 } }),
    sameShape: nested,
  },
  {
    name: "nested-100",
    title: "the same at 100 rows",
    caller: "analyst",
    kith: () => ({ query: NESTED_KITH, variables: { first: 100 } }),
    postgraphile: () => ({ query: NESTED_POSTGRAPHILE, variables: { first: 100 } }),
    sameShape: nested,
  },
];
