import { describe, expect, it } from "vitest";
import { formatMoney, majorText, parseMajor } from "./money.ts";

describe("money in the interface", () => {
  it("reads major units typed the German or English way as minor units", () => {
    expect(parseMajor("35,00", "EUR", "de")).toBe(3500);
    expect(parseMajor("1.234,5", "EUR", "de")).toBe(123450);
    expect(parseMajor("35", "EUR", "de")).toBe(3500);
    expect(parseMajor("1,234.56", "USD", "en")).toBe(123456);
    expect(parseMajor("0.07", "GBP", "en")).toBe(7);
  });

  it("refuses what is not an amount", () => {
    for (const text of ["", "abc", "3,555", "-5", "1e3"]) expect(parseMajor(text, "EUR", "de")).toBeNaN();
  });

  it("formats minor units in the language", () => {
    expect(formatMoney(3500, "EUR", "de")).toMatch(/^35,00\s€$/);
    expect(formatMoney(3500, "EUR", "en")).toBe("€35.00");
    expect(majorText(123450, "EUR", "de")).toBe("1234,50");
  });
});
