// Money as people read it: integer pence formatted in pounds. No floats ever hold an amount.
const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** £1,250.00 for 125000; other currencies as "12.50 EUR". */
export function formatPence(pence: number, currency = "GBP"): string {
  if (!Number.isSafeInteger(pence)) throw new RangeError("money must be a whole number of pence");
  return currency === "GBP" ? pounds.format(pence / 100) : `${(pence / 100).toFixed(2)} ${currency}`;
}
