// Global IDs: round trip, and anything not made by toGlobalId for a known key shape decodes to null.
import { fromGlobalId, keyOf, registerKeyShape, toGlobalId } from "./ids";

registerKeyShape("Tally", "bigint");

const UUID = "6f1c1a3e-8d2b-4c55-9a51-0c3f4f0f9b1a";

test("a global ID decodes back to its type and key", () => {
  expect(fromGlobalId(toGlobalId("Place", UUID))).toEqual({ typeName: "Place", key: UUID });
  expect(fromGlobalId(toGlobalId("Tally", 42))).toEqual({ typeName: "Tally", key: "42" });
});

test("global IDs are opaque: not the plain type and key", () => {
  expect(toGlobalId("Place", UUID)).not.toContain("Place");
  expect(toGlobalId("Place", UUID)).toMatch(/^[A-Za-z0-9_-]+$/);
});

test.each([
  ["not base64url", "abc+/="],
  ["empty", ""],
  ["over 200 characters", "A".repeat(201)],
  ["no colon", Buffer.from(UUID).toString("base64url")],
  ["a type name that is not PascalCase", Buffer.from(`place:${UUID}`).toString("base64url")],
  ["a key that is not a uuid", Buffer.from("Place:1").toString("base64url")],
  ["a uuid where a bigint key is registered", Buffer.from(`Tally:${UUID}`).toString("base64url")],
  ["a bigint with a leading zero", Buffer.from("Tally:007").toString("base64url")],
])("%s decodes to null", (_, id) => {
  expect(fromGlobalId(id)).toBeNull();
});

test("keyOf gives the key only for the expected type", () => {
  const id = toGlobalId("Place", UUID);
  expect(keyOf(id, "Place")).toBe(UUID);
  expect(keyOf(id, "User")).toBeNull();
});
