import { describe, expect, it } from "vitest";
import { zoneLabel } from "./zone-label.ts";

const WINTER = new Date("2027-01-15T12:00:00Z");
const SUMMER = new Date("2027-07-15T12:00:00Z");

describe("zoneLabel", () => {
  it.each([
    // A zone with daylight saving: the city and the name it has at that moment.
    ["Europe/Berlin", "de", WINTER, "Berlin (MEZ)"],
    ["Europe/Berlin", "de", SUMMER, "Berlin (MESZ)"],
    ["America/New_York", "en", WINTER, "New York (EST)"],
    ["America/New_York", "en", SUMMER, "New York (EDT)"],
    // English has no short name for central Europe: the offset, which follows the clock change.
    ["Europe/Berlin", "en", WINTER, "Berlin (GMT+1)"],
    ["Europe/Berlin", "en", SUMMER, "Berlin (GMT+2)"],
    // Zones without a short name in either language: their offset.
    ["Asia/Manila", "de", WINTER, "Manila (GMT+8)"],
    ["Asia/Manila", "en", SUMMER, "Manila (GMT+8)"],
    ["Asia/Kolkata", "en", WINTER, "Kolkata (GMT+5:30)"],
    ["America/Argentina/Buenos_Aires", "de", WINTER, "Buenos Aires (GMT-3)"],
    // Ids that name an offset, not a place; Etc/GMT+5 is five hours behind (its sign runs backwards).
    ["UTC", "de", WINTER, "UTC"],
    ["Europe/London", "de", WINTER, "London (GMT)"],
    ["Etc/GMT+5", "en", WINTER, "GMT-5"],
    // An id the engine does not know: as it is, also the second time (the refusal is remembered).
    ["Mars/Olympus_Mons", "de", WINTER, "Mars/Olympus_Mons"],
    ["Mars/Olympus_Mons", "de", SUMMER, "Mars/Olympus_Mons"],
    // Formatters are kept per locale and zone, yet each call reads its own moment.
    ["Europe/Vienna", "de", SUMMER, "Vienna (MESZ)"],
    ["Europe/Vienna", "de", WINTER, "Vienna (MEZ)"],
    ["Europe/Vienna", "en", WINTER, "Vienna (GMT+1)"],
  ])("%s in %s at %s is %s", (zone, locale, at, label) => {
    expect(zoneLabel(zone, locale, at)).toBe(label);
  });
});
