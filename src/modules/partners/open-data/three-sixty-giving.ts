// Every published award in the 360Giving Data Standard (1.4): identifiers with the network's 360G- prefix, org-ids,
// amounts in pounds, planned dates from the current schedule, the recipient's registered place as a GSS geoCode, the
// fund's round as grantProgramme. Repayable finance has no 360Giving funding type, so the split between cash and social
// repayment goes in the extension object `payItForward` (documented in the README). Only what funds.api's publication
// policy releases goes out, and nothing about people.
import type { DataSource } from "typeorm";
import type { Config } from "../../../config";
import { fundsApi, PublicAward } from "../../funds/funds.api";
import { organisationsApi, PublicProfile } from "../../organisations/organisations.api";

export const SCHEMA_VERSION = "1.4";

/** 360Giving's geoCodeType codelist, by the entity part of a GSS code (E05 wards, E06 unitary authorities ...). */
const GEO_CODE_TYPES: Record<string, string> = {
  E05: "WD", W05: "WD", S13: "WD", E06: "UA", W06: "UA", E07: "NMD", E08: "MD", E09: "LONB", E10: "CTY", E12: "RGN/GOR", S12: "CA",
};
export const geoCodeType = (code: string): string | undefined => GEO_CODE_TYPES[code.slice(0, 3)];

const pounds = (pence: number) => pence / 100;

/** Plus a month count to a YYYY-MM-DD day: the last day the schedule covers. */
function endOf(startsOn: string, months: number): string {
  const d = new Date(`${startsOn}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The recipient's org-id: a registered identifier (charity, company, mutual) when it has one, else one under our prefix. */
function recipient(o: PublicProfile, prefix: string): Record<string, unknown> {
  const preferred = ["GB-CHC-", "GB-SC-", "GB-NIC-", "GB-COH-", "GB-MPR-"];
  const id = preferred.map((p) => o.identifiers.find((i) => i.startsWith(p))).find(Boolean) ?? o.identifiers[0] ?? `${prefix}-org-${o.id}`;
  const charity = o.identifiers.find((i) => /^GB-(CHC|SC|NIC)-/.test(i));
  const company = o.identifiers.find((i) => i.startsWith("GB-COH-"));
  return {
    id, name: o.name,
    ...(charity ? { charityNumber: charity.replace(/^GB-(CHC|SC|NIC)-/, "") } : {}),
    ...(company ? { companyNumber: company.slice("GB-COH-".length) } : {}),
  };
}

export function grantOf(a: PublicAward, o: PublicProfile, open: Config["openData"]): Record<string, unknown> {
  const type = o.place ? geoCodeType(o.place.code) : undefined;
  return {
    id: `${open.prefix}-${a.agreementId}`,
    title: `${a.fundName}: pay-it-forward award to ${o.name}`,
    description: `Pay-it-forward funding at 0%: £${pounds(a.cashRepayablePence).toFixed(2)} to be repaid in cash and `
      + `£${pounds(a.socialRepayablePence).toFixed(2)} in social value, so the money is awarded again.`,
    currency: "GBP",
    amountAwarded: pounds(a.amountPence),
    awardDate: a.awardedOn,
    dateModified: a.updatedAt.toISOString(),
    ...(a.startsOn && a.termMonths
      ? { plannedDates: [{ startDate: a.startsOn, endDate: endOf(a.startsOn, a.termMonths), duration: a.termMonths }] } : {}),
    recipientOrganization: [recipient(o, open.prefix)],
    fundingOrganization: [{ id: open.funderId, name: open.funderName, department: a.fundName }],
    grantProgramme: [{ code: `${open.prefix}-round-${a.roundId}`, title: `${a.fundName}: ${a.roundName}` }],
    ...(o.place ? { beneficiaryLocation: [{ name: o.place.name, geoCode: o.place.code, ...(type ? { geoCodeType: type } : {}) }] } : {}),
    // Extension (not in the standard): how the award is repaid, in pounds; cash + social = amountAwarded.
    payItForward: { cashRepayable: pounds(a.cashRepayablePence), socialRepayable: pounds(a.socialRepayablePence) },
  };
}

/** The data package: every published award, oldest first. */
export async function threeSixtyGivingPackage(db: DataSource, open: Config["openData"], now = new Date()): Promise<Record<string, unknown>> {
  const awards = await fundsApi.publicAwards(db);
  const organisations = await organisationsApi.publicProfiles(db, [...new Set(awards.map((a) => a.organisationId))]);
  return {
    version: SCHEMA_VERSION,
    title: `${open.funderName}: pay-it-forward awards`,
    description: "Every pay-it-forward award the network has made and disbursed, in the 360Giving Data Standard. "
      + "payItForward.cashRepayable and payItForward.socialRepayable are extension fields: the parts of amountAwarded repaid in cash and in social value.",
    issued: now.toISOString(),
    publisher: { identifier: open.funderId, name: open.funderName },
    grants: awards.map((a) => grantOf(a, organisations.get(a.organisationId)!, open)),
  };
}
