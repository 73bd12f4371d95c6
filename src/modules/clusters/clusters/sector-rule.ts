// The network's rule that clusters are organised by place, cause or community of interest, never by industry sector.
//
// The kind enum has no SECTOR, and each kind must name its place, cause or interest, so a sector cluster can only
// slip in through its words. We refuse a name, description or interest made only of sector words (and filler such
// as "businesses" or "network"): "Retail", "Hospitality & catering network" are refused; "Retail in Bootle" or
// "Kitchens for young cooks" are not, because they say where or why, not just what trade.
import { InputChecks } from "../../../kit/input-checks";

const SECTOR_WORDS = new Set([
  "retail", "retailers", "hospitality", "construction", "builders", "manufacturing", "manufacturers", "engineering",
  "logistics", "haulage", "wholesale", "wholesalers", "automotive", "tourism", "catering", "caterers", "technology",
  "tech", "it", "agriculture", "professional", "financial", "creative", "media", "textiles", "property",
]);

const FILLER = new Set([
  "and", "the", "of", "for", "a", "sector", "sectors", "industry", "industries", "business", "businesses", "firms",
  "companies", "company", "trade", "trades", "traders", "services", "cluster", "network", "group", "forum", "peer",
  "peers", "enterprises", "smes", "sme", "providers", "suppliers", "industrial",
]);

export const SECTOR_MESSAGE = "Clusters are organised by place, cause or community of interest, never by sector: "
  + "say what brings these organisations together (where they are, the cause they share, a common interest), not their trade.";

/** True when every word is a sector word or filler, and at least one is a sector word. */
export function isSectorOnly(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.some((w) => SECTOR_WORDS.has(w)) && words.every((w) => SECTOR_WORDS.has(w) || FILLER.has(w));
}

export function checkNotSector(c: InputChecks, field: string, text: string | null | undefined): void {
  if (text && isSectorOnly(text)) c.add(field, "SECTOR_CLUSTER", SECTOR_MESSAGE);
}
