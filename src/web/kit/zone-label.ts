/**
 * A time zone as people say it: the city of its IANA id and the zone's short name at that moment,
 * "Berlin (MEZ)" in winter and "Berlin (MESZ)" in summer, "Manila (GMT+8)" where the language has
 * no name for the zone but its offset. An id the engine does not know is shown as it is.
 *
 * The city comes from the id (English, as IANA spells it: "New York", "Buenos Aires"): Intl names
 * zones but not their cities, and a German adjective ("Berliner Zeit") cannot be made from those.
 */
export function zoneLabel(zone: string, locale: string, at: Date = new Date()): string {
  const abbreviation = shortName(zone, locale, at);
  if (abbreviation === undefined) return zone;
  const city = cityOf(zone);
  // "UTC", "Etc/GMT+5": the id names an offset, not a place (and Etc/ signs run backwards).
  return city === undefined || city === abbreviation ? abbreviation : `${city} (${abbreviation})`;
}

/** The place of an id: "America/Argentina/Buenos_Aires" → "Buenos Aires"; none for "UTC", "Etc/GMT+5". */
function cityOf(zone: string): string | undefined {
  const parts = zone.split("/");
  if (parts.length < 2 || parts[0] === "Etc") return undefined;
  return parts.at(-1)?.replaceAll("_", " ");
}

// One formatter per locale, zone and style: a zone list renders ~420 labels at once, and a page
// with times names the same zone again and again. `null` remembers an id the engine refused.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(locale: string, zone: string, style: "short" | "shortOffset") {
  const key = `${locale}\u0000${zone}\u0000${style}`;
  let found = formatters.get(key);
  if (found === undefined) {
    try {
      found = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style });
    } catch {
      found = null;
    }
    formatters.set(key, found);
  }
  return found;
}

const nameIn = (f: Intl.DateTimeFormat, at: Date) =>
  f.formatToParts(at).find((part) => part.type === "timeZoneName")?.value;

/** "MEZ", "EST", "GMT" where the language has a name for the zone, else its offset ("GMT+8"). */
function shortName(zone: string, locale: string, at: Date): string | undefined {
  const short = formatter(locale, zone, "short");
  if (!short) return undefined;
  const name = nameIn(short, at);
  // Without a name of its own the short form already is the offset, "GMT+8"; "GMT+0" reads as "GMT".
  if (name && !/^(GMT|UTC)[+\-−]/.test(name)) return name;
  const offset = formatter(locale, zone, "shortOffset");
  const value = (offset && nameIn(offset, at)) ?? name;
  return value === "GMT+0" ? "GMT" : value;
}
