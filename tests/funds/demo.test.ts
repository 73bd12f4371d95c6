// The demo fund through the API: its ledger balances, a repaid pound shows its lineage back to the contribution, and
// agreements show their schedules, arrears, movements and claims as the story left them.
import { startTestApp, TestApp } from "../support/test-app";
import { expectLedgerBalanced } from "../support/fund-factories";
import { loadDemoData } from "../../src/demo/demo";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";
import { DEMO_PARTNER_KEY, DEMO_PASSWORD, DEMO_USERS } from "../../src/demo/demo-accounts";
import { toGlobalId } from "../../src/graphql/ids";

const AGREEMENT = `query($id: ID!, $asOf: Date) { node(id: $id) { ... on Agreement {
  status amount { pence } cashRepayable { pence } socialRepayable { pence } disbursed { pence } repaidCash { pence }
  repaidSocial { pence } outstanding { pence } cashOutstanding { pence } socialOutstanding { pence }
  schedule { version termMonths holidayMonths startsOn covers { pence } paidBefore { pence } instalments { number dueOn amount { pence } } }
  schedules { version effectiveOn reason }
  arrears(asOf: $asOf) { asOf amount { pence } due { pence } repaid { pence } oldestUnpaidDueOn daysOverdue scheduleVersion }
  movements { kind occurredOn amount { pence } }
  socialRepaymentClaims { status claimed { pence } accepted { pence } periodFrom periodTo costed { pence } valueReason costing { metricCode proxyVersion value { pence } } }
  fundedBy { amount { pence } generation contribution { contributor } via { organisation { name } status } }
  organisation { name }
} } }`;

let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
  admin = await app.signIn(DEMO_USERS.admin.email, DEMO_PASSWORD);
});
afterAll(async () => { await app.close(); });

async function agreementOf(organisationName: string): Promise<string> {
  const [row] = await app.db.query(
    "SELECT a.id FROM agreement a JOIN organisation o ON o.id = a.organisation_id WHERE o.name = $1", [organisationName]);
  return toGlobalId("Agreement", row.id);
}

test("the demo ledger balances and every movement has its lineage", async () => {
  await expectLedgerBalanced(app.db);
  const statuses = await app.db.query("SELECT status, count(*)::int AS n FROM agreement GROUP BY status ORDER BY status");
  expect(statuses).toEqual([
    { status: "ACTIVE", n: 4 }, { status: "CLOSED", n: 1 }, { status: "OFFERED", n: 2 }, { status: "REPAID", n: 1 }, { status: "WRITTEN_OFF", n: 1 },
  ]);
  const applications = await app.db.query("SELECT status, count(*)::int AS n FROM funding_application GROUP BY status ORDER BY status");
  expect(applications).toEqual([
    { status: "DECLINED", n: 1 }, { status: "DRAFT", n: 1 }, { status: "IN_REVIEW", n: 1 }, { status: "OFFERED", n: 9 },
    { status: "SUBMITTED", n: 1 }, { status: "WITHDRAWN", n: 1 },
  ]);
});

test("the first award of the second round is paid partly with pounds repaid by earlier agreements, traced to the combined authority", async () => {
  const { data } = await app.run(AGREEMENT, { id: await agreementOf(await energyName()) }, admin);
  const lines = data!.node.fundedBy as { amount: { pence: number }; generation: number; contribution: { contributor: string }; via: { status: string }[] }[];
  expect(lines[0]).toMatchObject({ generation: 1, amount: { pence: 4_000_000 }, contribution: { contributor: "Liverpool City Region Combined Authority" }, via: [] });
  const recycled = lines.filter((l) => l.generation === 2);
  expect(recycled.reduce((s, l) => s + l.amount.pence, 0)).toBe(2_000_000);
  expect(recycled.every((l) => l.contribution.contributor === "Liverpool City Region Combined Authority" && l.via.length === 1)).toBe(true);
  // The largest share came back from the bike workshop, whose agreement is repaid in full.
  const biggest = [...recycled].sort((a, b) => b.amount.pence - a.amount.pence)[0];
  expect(biggest.via[0].status).toBe("REPAID");
});

async function energyName(): Promise<string> {
  const [row] = await app.db.query(`SELECT o.name FROM agreement a JOIN organisation o ON o.id = a.organisation_id
    WHERE a.awarded_on = '2026-10-01'`);
  return row.name;
}

test("the bakery's agreement shows its schedule, payments, claims and arrears since August 2026", async () => {
  const { data } = await app.run(AGREEMENT, { id: await agreementOf("Toxteth Community Bakery CIC"), asOf: "2026-11-23" }, admin);
  const a = data!.node;
  expect(a).toMatchObject({
    status: "ACTIVE", amount: { pence: 2_500_000 }, cashRepayable: { pence: 1_500_000 }, socialRepayable: { pence: 1_000_000 },
    disbursed: { pence: 2_500_000 }, repaidCash: { pence: 1_000_000 }, repaidSocial: { pence: 400_000 }, outstanding: { pence: 1_100_000 },
    cashOutstanding: { pence: 500_000 }, socialOutstanding: { pence: 600_000 },
    schedule: { version: 1, termMonths: 36, holidayMonths: 6, startsOn: "2024-05-01", covers: { pence: 1_500_000 } },
    arrears: { asOf: "2026-11-23", amount: { pence: 200_000 }, oldestUnpaidDueOn: "2026-08-01", daysOverdue: 114, scheduleVersion: 1 },
  });
  expect(a.schedule.instalments).toHaveLength(30);
  expect(a.schedule.instalments[0]).toEqual({ number: 1, dueOn: "2024-12-01", amount: { pence: 50_000 } });
  expect(a.movements.filter((mv: { kind: string }) => mv.kind === "CASH_REPAYMENT")).toHaveLength(20);
  expect(a.socialRepaymentClaims.map((c: { status: string }) => c.status)).toEqual(["ACCEPTED", "CLAIMED", "CLAIMED"]);
  expect(a.socialRepaymentClaims[0].accepted).toEqual({ pence: 400_000 });
  // The last is costed from the catalogue: its value is the sum of its measurements' costing, with no reason needed.
  const costed = a.socialRepaymentClaims[2];
  expect(costed.costing.length).toBeGreaterThan(0);
  expect(costed).toMatchObject({ valueReason: null, claimed: costed.costed });
  expect(costed.costing.reduce((sum: number, x: { value: { pence: number } }) => sum + x.value.pence, 0)).toBe(costed.claimed.pence);
  expect(a.socialRepaymentClaims[1].valueReason).toMatch(/Agreed/);
});

test("a rescheduled agreement keeps its first schedule and measures arrears against the version in force", async () => {
  const id = await agreementOf(await solarName());
  const { data } = await app.run(AGREEMENT, { id, asOf: "2025-12-15" }, admin);
  expect(data!.node.schedules.map((s: { version: number }) => s.version)).toEqual([1, 2]);
  expect(data!.node.schedules[1]).toMatchObject({ effectiveOn: "2026-01-15", reason: expect.stringContaining("roofs") });
  expect(data!.node.arrears).toMatchObject({ scheduleVersion: 1, amount: { pence: 0 } });
  const now = await app.run(AGREEMENT, { id, asOf: "2026-11-23" }, admin);
  expect(now.data!.node.schedule).toMatchObject({ version: 2, termMonths: 40, holidayMonths: 4, paidBefore: { pence: 1_166_664 }, covers: { pence: 5_833_336 } });
  expect(now.data!.node.arrears).toMatchObject({ scheduleVersion: 2, amount: { pence: 0 } });
});

async function solarName(): Promise<string> {
  const [row] = await app.db.query(`SELECT o.name FROM agreement a JOIN organisation o ON o.id = a.organisation_id
    JOIN agreement_schedule s ON s.agreement_id = a.id AND s.version = 2`);
  return row.name;
}

test("the demo partner key reads the fund's figures and generations", async () => {
  const res = await app.http("/graphql", {
    body: { query: "{ funds(first: 5) { nodes { name recycled { pence } held { pence } generations { generation disbursed { pence } } contributions { contributor amount { pence } receivedOn } } } }" },
    headers: { authorization: `Bearer ${DEMO_PARTNER_KEY}` },
  });
  expect(res.json.errors).toBeUndefined();
  const [fund] = res.json.data.funds.nodes;
  expect(fund.generations).toEqual([{ generation: 1, disbursed: { pence: 30_000_000 } }, { generation: 2, disbursed: { pence: 2_000_000 } }]);
  expect(fund.contributions.map((c: { amount: { pence: number } }) => c.amount.pence)).toEqual([30_000_000, 520_000_000, 100_000_000]);
  expect(fund.recycled).toEqual({ pence: 2_000_000 });
});

test("the combined-authority dashboard reads money by borough and year with fundingSummary, agreeing with the fund's own figures", async () => {
  const analyst = await app.signIn(DEMO_USERS.analyst.email, DEMO_PASSWORD);
  const [lcr] = await app.db.query("SELECT id FROM place WHERE code = 'E47000004'");
  const figures = "organisationsFunded awarded { pence } disbursed { pence } repaidCash { pence } repaidSocial { pence } writtenOff { pence } recycled { pence }";
  const d = await app.ok(`query($p: ID!) {
    fundingSummary(filter: { placeIds: [$p], from: "2024-01-01", to: "2026-12-31" }, groupBy: [PLACE, YEAR]) {
      total { ${figures} } groups { place { code } year ${figures} } }
    funds(first: 1) { nodes { figuresBetween(from: "2024-01-01", to: "2026-12-31") { awarded { pence } disbursed { pence } repaidCash { pence } repaidSocial { pence } writtenOff { pence } recycled { pence } } } } }`,
  { p: toGlobalId("Place", lcr.id) }, analyst);
  const { total, groups } = d.fundingSummary;
  // Every demo agreement is with an organisation in the city region, so the boroughs add up to the fund's flows. The
  // collective award (£70,000, accepted, not yet paid out) counts once, for its lead.
  expect(total).toEqual({ organisationsFunded: 9, ...d.funds.nodes[0].figuresBetween });
  expect(total).toMatchObject({ awarded: { pence: 46_000_000 }, disbursed: { pence: 32_000_000 }, recycled: { pence: 2_000_000 } });
  type G = { place: { code: string }; year: number; awarded: { pence: number }; recycled: { pence: number } };
  const at = (code: string, year: number) => (groups as G[]).find((g) => g.place.code === code && g.year === year);
  // Liverpool's 2024 awards: the bakery (£25,000) and the solar scheme (£100,000); St Helens' 2026 award is paid with
  // recycled pounds. (Which borough holds which award follows the demo's ELIGIBLE organisations, consistent with their records.)
  expect(at("E08000012", 2024)!.awarded.pence).toBe(12_500_000);
  expect(at("E08000013", 2026)).toMatchObject({ awarded: { pence: 6_000_000 }, recycled: { pence: 2_000_000 } });
});

test("round 1 was decided by a quorum of STO peers, with the bakery owner's view excluded and one ADMIN override on the record", async () => {
  const { data, errors } = await app.run(`{ applications(first: 20) { nodes {
    status organisation { name } round { name quorum majorityRule }
    panelViews { stance counted conflict sharedClusters memberOrganisation { name } }
    decision { outcome quorum quorumMet override overrideReason tally { for against abstain excluded } }
  } } }`, {}, admin);
  expect(errors).toBeUndefined();
  type Node = { status: string; organisation: { name: string }; round: { name: string; quorum: number } | null;
    panelViews: { counted: boolean; conflict: string | null; memberOrganisation: { name: string } | null }[];
    decision: { outcome: string; quorumMet: boolean; override: boolean; overrideReason: string | null; tally: { for: number; against: number; abstain: number; excluded: string[] } } | null };
  const nodes = data!.applications.nodes as Node[];
  const round1 = nodes.filter((n) => n.decision && n.round!.name.startsWith("Round 1"));
  expect(round1).toHaveLength(7);
  expect(round1.every((n) => n.round!.quorum === 3 && n.decision!.quorumMet)).toBe(true);
  // Every decision rests on the views of three peers sitting for their own STOs (and panel@), never one view.
  expect(round1.every((n) => n.panelViews.filter((v) => v.counted && v.memberOrganisation).length === 3)).toBe(true);
  const bakery = round1.find((n) => n.organisation.name === "Toxteth Community Bakery CIC")!;
  expect(bakery.decision!.tally).toEqual({ for: 4, against: 0, abstain: 0, excluded: ["SAME_ORGANISATION"] });
  const overrides = nodes.filter((n) => n.decision?.override);
  expect(overrides).toHaveLength(1);
  expect(overrides[0].decision).toMatchObject({ outcome: "OFFER", tally: { for: 2, against: 2 }, overrideReason: expect.stringContaining("food co-op") });
  const garden = nodes.find((n) => n.status === "IN_REVIEW")!;
  // The bakery's owner declared that it buys the garden's flour (and their recorded exchange may show it too).
  expect(garden.panelViews.map((v) => v.counted)).toEqual([false, true]);
  expect(["DECLARED", "TRADING_RELATIONSHIP"]).toContain(garden.panelViews[0].conflict);
});

test("the collective application's agreement records its lead and two consenting partners", async () => {
  const res = await app.post(`{ agreements(first: 50) { nodes { organisation { name } partners { name }
    application { purpose partners { consent organisation { name } } } } } }`, {}, admin);
  expect(res.json.errors).toBeUndefined();
  const collective = res.json.data.agreements.nodes.filter((a: { partners: unknown[] }) => a.partners.length > 0);
  expect(collective).toHaveLength(1);
  const [a] = collective;
  expect(a.partners).toHaveLength(2);
  expect(a.application.partners.map((p: { consent: string }) => p.consent)).toEqual(["CONSENTED", "CONSENTED"]);
  expect(a.application.partners.map((p: { organisation: { name: string } }) => p.organisation.name).sort()).toEqual(a.partners.map((p: { name: string }) => p.name).sort());
});
