// GraphQL operations the cluster tests send, and helpers to sign in people who act for organisations.
import type { TestApp } from "./test-app";
import { makeUser, TEST_PASSWORD } from "./factories";
import { makeOrganisationFor } from "./cluster-factories";
import { toGlobalId } from "../../src/graphql/ids";
import type { Role } from "../../src/auth/roles";

const ERRORS = "userErrors { field code message }";

export const OPS = {
  createCluster: `mutation($input: CreateClusterInput!) { createCluster(input: $input) {
    cluster { id name kind status version cause interest place { name } facilitators { name } } ${ERRORS} } }`,
  updateCluster: `mutation($input: UpdateClusterInput!) { updateCluster(input: $input) { cluster { id name status version } ${ERRORS} } }`,
  closeCluster: `mutation($input: CloseClusterInput!) { closeCluster(input: $input) { cluster { id status version } ${ERRORS} } }`,
  joinCluster: `mutation($input: JoinClusterInput!) { joinCluster(input: $input) { membership { id role joinedOn leftOn current } ${ERRORS} } }`,
  leaveCluster: `mutation($input: LeaveClusterInput!) { leaveCluster(input: $input) { membership { id role joinedOn leftOn current } ${ERRORS} } }`,
  recordGathering: `mutation($input: RecordGatheringInput!) { recordGathering(input: $input) {
    gathering { id topic notes peopleAttending attendance { people organisation { name } } } ${ERRORS} } }`,
  recordAttendance: `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) {
    gathering { id peopleAttending attendance { people organisation { name } } } ${ERRORS} } }`,
  postOffer: `mutation($input: PostPeerSupportInput!) { postPeerOffer(input: $input) { post { id kind skill status } ${ERRORS} } }`,
  postNeed: `mutation($input: PostPeerSupportInput!) { postPeerNeed(input: $input) { post { id kind skill status } ${ERRORS} } }`,
  closePost: `mutation($input: ClosePeerPostInput!) { closePeerPost(input: $input) { post { id status } ${ERRORS} } }`,
  acceptMatch: `mutation($input: AcceptPeerMatchInput!) { acceptPeerMatch(input: $input) {
    exchange { id status agreedOn giver { name } receiver { name } } ${ERRORS} } }`,
  recordExchange: `mutation($input: RecordPeerExchangeInput!) { recordPeerExchange(input: $input) {
    exchange { id status hoursGiven outcome completedOn } ${ERRORS} } }`,
  matchesFor: `query($id: ID!, $first: Int) { matchesFor(organisationId: $id, first: $first) {
    rank inSharedCluster organisation { name } need { skill } offer { id skill } sharedClusters { name } } }`,
};

/** The codes of a payload's user errors, in order. */
export const codes = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((e) => e.code);

export interface Person {
  token: string;
  userId: string;
  email: string;
  /** The organisation the person owns (raw key and global ID). */
  organisationId: string;
  organisation: string;
}

/** A signed-in person who owns a new organisation of the given name. */
export async function personWithOrganisation(app: TestApp, name?: string, roles: Role[] = []): Promise<Person> {
  const user = await makeUser(app.db, { roles });
  const organisationId = await makeOrganisationFor(app.db, user, { name });
  return { token: await app.signIn(user.email, TEST_PASSWORD), userId: user.id, email: user.email, organisationId, organisation: toGlobalId("Organisation", organisationId) };
}

/** A signed-in person with network roles and no organisation. */
export async function signedIn(app: TestApp, roles: Role[] = []): Promise<{ token: string; userId: string; email: string }> {
  const user = await makeUser(app.db, { roles });
  return { token: await app.signIn(user.email, TEST_PASSWORD), userId: user.id, email: user.email };
}
