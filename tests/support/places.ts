// Inserts places straight into a test database (the places module has no write API yet).
import type { DataSource } from "typeorm";
import { toGlobalId } from "../../src/graphql/ids";

let nextCode = 1;

/** Inserts places under the place with GSS code `parentCode`; returns their raw ids in the order given. */
export async function insertPlaces(db: DataSource, parentCode: string, names: string[], kind = "WARD"): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const code = `T${String(nextCode++).padStart(8, "0")}`;
    const [row] = await db.query(
      "INSERT INTO place (kind, code, name, parent_id) SELECT $1, $2, $3, id FROM place WHERE code = $4 RETURNING id",
      [kind, code, name, parentCode],
    );
    ids.push(row.id);
  }
  return ids;
}

/** Global ids of places in the order `places` lists them, computed by SQL independently of the API. */
export async function placeIdsByName(db: DataSource, where = "true", params: unknown[] = []): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM place WHERE ${where} ORDER BY lower(name), id`, params);
  return rows.map((r) => toGlobalId("Place", r.id));
}

export const LIVERPOOL = "E08000012";
export const SEFTON = "E08000014";

export const LIVERPOOL_WARDS = [
  "Allerton and Hunts Cross", "Anfield", "Belle Vale", "Central", "Childwall", "Church", "Clubmoor", "County",
  "Cressington", "Croxteth", "Everton", "Fazakerley", "Greenbank", "Kensington and Fairfield", "Kirkdale",
  "Knotty Ash", "Mossley Hill", "Norris Green", "Old Swan", "Picton", "Princes Park", "Riverside", "St Michael's",
  "Speke-Garston", "Tuebrook and Stoneycroft", "Warbreck", "Wavertree", "West Derby", "Woolton", "Yew Tree",
];
