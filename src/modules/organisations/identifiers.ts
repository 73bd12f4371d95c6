// org-id identifiers: which schemes we accept, what a well-formed identifier of each looks like, and which legal forms
// each register holds (a CIC is on the Companies House register, never the Charity Commission's).
import { LegalForm as F } from "./organisation.enums";
export interface IdentifierScheme {
  prefix: string;
  pattern: RegExp;
  describe: string;
}

export const IDENTIFIER_SCHEMES: IdentifierScheme[] = [
  { prefix: "GB-COH", pattern: /^([0-9]{8}|[A-Z]{2}[0-9]{6})$/, describe: "a Companies House number: 8 digits, or 2 letters and 6 digits (e.g. GB-COH-09876543, GB-COH-SC123456)" },
  { prefix: "GB-CHC", pattern: /^[0-9]{6,7}$/, describe: "a Charity Commission number of 6 or 7 digits (e.g. GB-CHC-1123456)" },
  { prefix: "GB-MPR", pattern: /^[A-Z]{0,2}[0-9]{1,6}R?$/, describe: "a Mutuals Public Register number (e.g. GB-MPR-31234R or GB-MPR-IP29451R)" },
];

/** The legal forms each register holds, and how to say so when an identifier does not fit the form. */
export const SCHEME_FORMS: Record<string, { forms: ReadonlySet<F>; holds: string }> = {
  "GB-COH": {
    forms: new Set([F.CIC_LIMITED_BY_GUARANTEE, F.CIC_LIMITED_BY_SHARES, F.CHARITABLE_COMPANY, F.COMPANY_LIMITED_BY_GUARANTEE, F.COMPANY_LIMITED_BY_SHARES, F.PARTNERSHIP]),
    holds: "companies (CICs, charitable and other companies) and limited liability partnerships",
  },
  "GB-CHC": {
    forms: new Set([F.CIO, F.CHARITABLE_COMPANY, F.UNINCORPORATED_ASSOCIATION]),
    holds: "registered charities (CIOs, charitable companies, charitable trusts and associations); a CIC cannot be a charity",
  },
  "GB-MPR": {
    forms: new Set([F.COMMUNITY_BENEFIT_SOCIETY, F.CO_OPERATIVE_SOCIETY]),
    holds: "community benefit and co-operative societies",
  },
};

/** Null when an organisation of `legalForm` can hold an identifier of `scheme`; otherwise why not. */
export function schemeMismatch(scheme: string, legalForm: F): string | null {
  const fit = SCHEME_FORMS[scheme];
  return fit && !fit.forms.has(legalForm) ? `${scheme} identifiers belong to ${fit.holds}, not to a ${legalForm}.` : null;
}

export type ParsedIdentifier = { scheme: string; value: string } | { error: string };

/** Normalises (trim, upper case) and checks an org-id string against its scheme. */
export function parseIdentifier(raw: string): ParsedIdentifier {
  const value = raw.trim().toUpperCase().replace(/\s+/g, "");
  const scheme = IDENTIFIER_SCHEMES.find((s) => value.startsWith(`${s.prefix}-`));
  if (!scheme) {
    return { error: `Use an org-id identifier starting ${IDENTIFIER_SCHEMES.map((s) => `${s.prefix}-`).join(", ")}.` };
  }
  const local = value.slice(scheme.prefix.length + 1);
  if (!scheme.pattern.test(local)) return { error: `${scheme.prefix} identifiers take ${scheme.describe}.` };
  return { scheme: scheme.prefix, value };
}
