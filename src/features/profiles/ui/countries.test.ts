import { describe, expect, it } from "vitest";
import { countryName, countryOptions } from "./countries.ts";

describe("countryOptions", () => {
  it("lists each assigned ISO code once, without retired or special ones", () => {
    const codes = countryOptions("en").map((o) => o.value);
    expect(codes).toHaveLength(249);
    expect(new Set(codes).size).toBe(249);
    expect(codes).toEqual(expect.arrayContaining(["DE", "AT", "CH", "GB", "US"]));
    for (const gone of ["SU", "YU", "EU", "ZZ", "UK", "XK"]) expect(codes).not.toContain(gone);
  });

  it("names and sorts the countries in the interface language", () => {
    const german = countryOptions("de");
    expect(german.find((o) => o.value === "DE")?.label).toBe("Deutschland");
    const labels = german.map((o) => o.label);
    // Ö sorts with O in German, not after Z.
    expect(labels.indexOf("Österreich")).toBeLessThan(labels.indexOf("Polen"));
    expect(countryName("AT", "en")).toBe("Austria");
  });
});
