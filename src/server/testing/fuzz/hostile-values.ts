import fc from "fast-check";

// Values a careless client or an attacker sends where a schema expects something else: the classes
// an outside probe found 500s with (NUL, lone surrogates, year 0000 and 9999, past-int4 numbers),
// and the usual suspects around them. Every field of every request may get one.

const BIG_TEXT = "x".repeat(20_000);

export const hostileStrings = [
  "",
  " ",
  "a\u0000b",
  "\u0000",
  "hello \ud800 there",
  "\udfff",
  "\u202Einvoice.pdf",
  "😀".repeat(300),
  BIG_TEXT,
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../../../etc/passwd",
  "%00",
  "%ZZ",
  "NaN",
  "-1",
  "1e309",
  "0000-01-01",
  "9999-12-31",
  "2027-02-30",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "9999-12-31T23:59:59-14:00",
  "2027-13-45T25:61:00Z",
  "Mars/Olympus_Mons",
  "Etc/GMT+99",
  "FREQ=SECONDLY;COUNT=999999999",
  "FREQ=DAILY;UNTIL=99991231T000000Z",
  "FREQ=WEEKLY;BYDAY=XX;INTERVAL=0",
  "http://127.0.0.1:1/",
  "http://[::1]/admin",
  "file:///etc/passwd",
  "javascript:alert(1)",
  "00000000-0000-0000-0000-000000000000",
];

export const hostileNumbers = [
  0,
  -1,
  -0,
  0.5,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
];

function nested(depth: number): unknown {
  let value: unknown = "deep";
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

const hostileOthers: unknown[] = [
  null,
  true,
  false,
  [],
  {},
  [null],
  { __proto__: { admin: true } },
  JSON.parse('{"__proto__": {"isAdmin": true}}'),
  { constructor: { prototype: { admin: true } } },
  nested(60),
  Array.from({ length: 2_000 }, (_, i) => i),
];

/** Any hostile value, whatever the schema wanted. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileNumbers) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileOthers) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
