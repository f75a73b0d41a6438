// A rough "Browser on System" from a user agent: enough to tell one's own sessions apart, and
// deliberately not a full parser (no dependency, no version numbers to go stale).
const BROWSERS: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/OPR\//, "Opera"],
  [/Firefox\//, "Firefox"],
  [/Chrom(e|ium)\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, "Android"],
  [/iPhone|iPad/, "iOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

const first = (table: [RegExp, string][], agent: string) =>
  table.find(([pattern]) => pattern.test(agent))?.[1];

/** Returns [browser, system]; either may be undefined when the agent string does not say. */
export function describeDevice(
  userAgent: string | null | undefined,
): [string | undefined, string | undefined] {
  const agent = userAgent ?? "";
  return [first(BROWSERS, agent), first(SYSTEMS, agent)];
}
