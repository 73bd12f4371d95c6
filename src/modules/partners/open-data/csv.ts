// The 360Giving package as the standard's flat spreadsheet: one row per grant, columns titled as 360Giving's CSV
// template titles them ("Recipient Org:Identifier"), the extension as "Pay It Forward:..." columns.
type Grant = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const CSV_COLUMNS: [title: string, read: (g: Grant) => unknown][] = [
  ["Identifier", (g) => g.id],
  ["Title", (g) => g.title],
  ["Description", (g) => g.description],
  ["Currency", (g) => g.currency],
  ["Amount Awarded", (g) => g.amountAwarded],
  ["Award Date", (g) => g.awardDate],
  ["Planned Dates:Start Date", (g) => g.plannedDates?.[0]?.startDate],
  ["Planned Dates:End Date", (g) => g.plannedDates?.[0]?.endDate],
  ["Planned Dates:Duration (months)", (g) => g.plannedDates?.[0]?.duration],
  ["Recipient Org:Identifier", (g) => g.recipientOrganization[0].id],
  ["Recipient Org:Name", (g) => g.recipientOrganization[0].name],
  ["Recipient Org:Charity Number", (g) => g.recipientOrganization[0].charityNumber],
  ["Recipient Org:Company Number", (g) => g.recipientOrganization[0].companyNumber],
  ["Funding Org:Identifier", (g) => g.fundingOrganization[0].id],
  ["Funding Org:Name", (g) => g.fundingOrganization[0].name],
  ["Funding Org:Department", (g) => g.fundingOrganization[0].department],
  ["Grant Programme:Code", (g) => g.grantProgramme[0].code],
  ["Grant Programme:Title", (g) => g.grantProgramme[0].title],
  ["Beneficiary Location:Name", (g) => g.beneficiaryLocation?.[0]?.name],
  ["Beneficiary Location:Geographic Code", (g) => g.beneficiaryLocation?.[0]?.geoCode],
  ["Beneficiary Location:Geographic Code Type", (g) => g.beneficiaryLocation?.[0]?.geoCodeType],
  ["Last Modified", (g) => g.dateModified],
  ["Pay It Forward:Cash Repayable", (g) => g.payItForward.cashRepayable],
  ["Pay It Forward:Social Repayable", (g) => g.payItForward.socialRepayable],
];

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with ' (names are typed by people). */
function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(grants: Grant[]): string {
  const lines = [CSV_COLUMNS.map(([title]) => cell(title)).join(",")];
  for (const g of grants) lines.push(CSV_COLUMNS.map(([, read]) => cell(read(g))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
