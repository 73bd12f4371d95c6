// org-id identifier formats per scheme.
import { parseIdentifier } from "./identifiers";

test.each([
  ["GB-COH-09876543", "GB-COH"],
  ["gb-coh-sc123456", "GB-COH"],
  [" GB-CHC-1123456 ", "GB-CHC"],
  ["GB-CHC-512345", "GB-CHC"],
  ["GB-MPR-31234R", "GB-MPR"],
  ["GB-MPR-IP29451R", "GB-MPR"],
])("%s is a well-formed %s identifier", (raw, scheme) => {
  expect(parseIdentifier(raw)).toMatchObject({ scheme });
});

test.each(["GB-COH-1234567", "GB-COH-123456789", "GB-CHC-12345", "GB-MPR-ABC1R", "US-EIN-123456789", "12345678", ""])(
  "%s is refused with a reason",
  (raw) => {
    expect(parseIdentifier(raw)).toHaveProperty("error");
  },
);

test("identifiers are normalised to upper case without spaces", () => {
  expect(parseIdentifier("gb-coh-sc 123456")).toEqual({ scheme: "GB-COH", value: "GB-COH-SC123456" });
});
