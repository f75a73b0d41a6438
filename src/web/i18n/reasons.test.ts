import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import de from "./de.json" with { type: "json" };
import en from "./en.json" with { type: "json" };

// Every reason the server can send (`reason: "bid.duplicate"`, a ReasonError's first argument, a
// member of a `...Reason` type) has its German and English sentence under errors.reason, so a
// refusal never falls back to the generic "Die Anfrage war ungültig.". Read from the sources, so a
// new reason without its texts fails here.

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");

function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "ui" || entry.name === "testing" ? [] : serverSources(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) && !/^testing/.test(entry.name)
      ? [path]
      : [];
  });
}

const REASON = "[a-z]+(?:_[a-z]+)*\\.[a-z]+(?:_[a-z]+)*";
const PATTERNS = [
  new RegExp(`reason:\\s*"(${REASON})"`, "g"),
  new RegExp(`(?:Error|refuse|refusal)\\(\\s*"(${REASON})"`, "g"),
];
const REASON_TYPE = /type \w*Reason\b[^;]*;/gs;
const LITERAL = new RegExp(`"(${REASON})"`, "g");

// Reasons built at run time, and the values they take (kept beside the code that builds them).
const DYNAMIC: Record<string, string[]> = {
  // features/profiles/service.ts and http/access.ts: role.${role}_required
  role: ["role.client_required", "role.assistant_required", "role.admin_required"],
  // features/interviews/service.ts: interview.${code}, slot_past and slot_too_far, or slot_${verdict}
  // for a verdict of the slot check (features/calendar/slots.ts).
  interview: [
    "interview.slot_past",
    "interview.slot_too_far",
    "interview.slot_outside_hours",
    "interview.slot_exception",
    "interview.slot_busy",
  ],
};
// Better Auth's codes pass through as auth.<code> (auth/forward.ts); the ones our flows meet have
// texts, any other falls back to the generic sentence of its status.
const OPEN_ENDED = new Set(["auth"]);

function reasonsInSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...serverSources(join(root, "server")), ...serverSources(join(root, "features"))]) {
    const text = readFileSync(file, "utf8");
    const where = relative(root, file);
    for (const pattern of PATTERNS) for (const m of text.matchAll(pattern)) found.set(m[1] as string, where);
    for (const block of text.matchAll(REASON_TYPE))
      for (const m of block[0].matchAll(LITERAL)) found.set(m[1] as string, where);
    for (const m of text.matchAll(/reason:\s*`([a-z_]+)\.\$\{/g)) {
      const domain = m[1] as string;
      if (OPEN_ENDED.has(domain)) continue;
      const values = DYNAMIC[domain];
      if (!values)
        found.set(`${domain}.*`, `${where} (a reason built at run time: list its values in DYNAMIC)`);
      else for (const value of values) found.set(value, where);
    }
  }
  return found;
}

function text(bundle: unknown, reason: string): unknown {
  const [domain, code] = reason.split(".") as [string, string];
  const reasons = (bundle as { errors: { reason: Record<string, Record<string, unknown>> } }).errors.reason;
  return reasons[domain]?.[code];
}

describe("reason texts", () => {
  const reasons = reasonsInSources();

  it("finds the reasons the server sends", () => {
    expect(reasons.size).toBeGreaterThan(60);
    expect(reasons.get("bid.duplicate")).toBeDefined();
    expect(reasons.get("ics_url.private_address")).toBeDefined();
  });

  it.each([
    ["de", de],
    ["en", en],
  ])("every reason has its sentence in %s", (_locale, bundle) => {
    const missing = [...reasons]
      .filter(
        ([reason]) => typeof text(bundle, reason) !== "string" || !(text(bundle, reason) as string).trim(),
      )
      .map(([reason, where]) => `${reason} (${where})`);
    expect(missing).toEqual([]);
  });
});
