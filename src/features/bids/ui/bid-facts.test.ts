import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import de from "../../../web/i18n/de.json" with { type: "json" };
import en from "../../../web/i18n/en.json" with { type: "json" };
import { bidFacts, hoursText } from "./bid-facts.ts";

const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ resources: { de: { translation: de }, en: { translation: en } }, lng: "de" }));

describe("a bid's experience and working-hour overlap", () => {
  it("writes hours with one decimal at most, in the language", () => {
    expect(hoursText(150, "de")).toBe("2,5");
    expect(hoursText(150, "en")).toBe("2.5");
    expect(hoursText(480, "de")).toBe("8");
    expect(hoursText(100, "de")).toBe("1,7");
  });

  it("says what is known, in words", () => {
    const t = i18n.getFixedT("de");
    expect(bidFacts({ yearsExperience: 8, overlapMinutes: 150 }, t, "de")).toEqual({
      experience: "8 Jahre Erfahrung",
      overlap: "2,5 h Überschneidung",
    });
    expect(bidFacts({ yearsExperience: 1, overlapMinutes: 0 }, t, "de")).toEqual({
      experience: "1 Jahr Erfahrung",
      overlap: "0 h Überschneidung",
    });
    expect(bidFacts({ yearsExperience: 1, overlapMinutes: 60 }, i18n.getFixedT("en"), "en")).toEqual({
      experience: "1 year of experience",
      overlap: "1 h overlap",
    });
  });

  it("leaves out what is unknown", () => {
    const t = i18n.getFixedT("de");
    expect(bidFacts({ overlapMinutes: null }, t, "de")).toEqual({ experience: null, overlap: null });
    expect(bidFacts({ yearsExperience: null, overlapMinutes: null }, t, "de")).toEqual({
      experience: null,
      overlap: null,
    });
  });
});
