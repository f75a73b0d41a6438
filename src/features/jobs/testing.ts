import type { CreateJobInput } from "./schema.ts";

/** A valid job body; tests and the seed override what they care about. */
export function jobInput(overrides: Partial<CreateJobInput> = {}): CreateJobInput {
  return {
    title: "Buchhaltung für ein kleines Architekturbüro",
    description: "Belege erfassen, Rechnungen schreiben, Mahnwesen.",
    categories: ["bookkeeping"],
    pricingModel: "hourly",
    maxRateMinor: 3500,
    currency: "EUR",
    expectedVolume: 10,
    startDate: "2027-01-04",
    durationWeeks: 26,
    languages: ["de"],
    overlap: { hours: 3, timeZone: "Europe/Berlin", from: "09:00", to: "17:00" },
    screeningQuestions: ["Welche Buchhaltungssoftware nutzen Sie?"],
    bidDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    visibility: "public",
    openings: 1,
    ...overrides,
  };
}
