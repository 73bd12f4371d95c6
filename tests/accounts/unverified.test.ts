// An unverified person may sign in and draft, but not submit an application or sit on a panel; verifying lifts that.
import { startTestApp, TestApp } from "../support/test-app";
import { rowCounts } from "../support/row-counts";
import { viewerWith } from "../support/organisation-factories";
import { ApplicationsService } from "../../src/modules/funds/applications/applications.service";
import { PanelService } from "../../src/modules/funds/applications/panel.service";
import { PanelStance } from "../../src/modules/funds/funds.enums";
import { OrganisationRole, Role } from "../../src/auth/roles";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

const ORG = "00000000-0000-4000-8000-00000000a001";
const unverified = (roles: Role[] = []) => ({
  viewer: { ...viewerWith({ userId: "00000000-0000-4000-8000-00000000b001", roles, memberships: [[ORG, OrganisationRole.OWNER]] }), unverified: true },
  requestId: "test",
});

test("an unverified person cannot submit an application, and nothing is written", async () => {
  const before = await rowCounts(app.db);
  const r = await new ApplicationsService(app.db).submit(unverified(), {
    organisationId: ORG, fundId: "00000000-0000-4000-8000-00000000c001", requestedPence: 2_500_000, purpose: "A kitchen", idempotencyKey: "k1",
  } as never);
  expect(r).toEqual({ errors: [expect.objectContaining({ code: "EMAIL_NOT_VERIFIED" })] });
  expect(await rowCounts(app.db)).toEqual(before);
});

test("an unverified panel member cannot record a view to be counted", async () => {
  const r = await new PanelService(app.db).recordView(unverified([Role.PANEL_MEMBER]), "00000000-0000-4000-8000-00000000d001",
    { stance: Object.values(PanelStance)[0] as PanelStance, comment: "Looks good" });
  expect(r).toEqual({ errors: [expect.objectContaining({ code: "NOT_ALLOWED" })] });
});

test("signing in as an unverified person works and says so", async () => {
  await app.post(`mutation { signUp(input: { email: "fresh@example.org", password: "an unusual long passphrase", displayName: "Fresh" }) { userErrors { code } } }`);
  const token = await app.signIn("fresh@example.org", "an unusual long passphrase");
  expect((await app.ok("{ viewer { emailVerified } }", {}, token)).viewer.emailVerified).toBe(false);
});
