// org-id identifiers: which schemes we accept and what a well-formed identifier of each looks like.
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
