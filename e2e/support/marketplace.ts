import { type Browser, type BrowserContextOptions, expect, type Page } from "@playwright/test";
import { AccountPages } from "./account-pages.ts";
import { type Lang, uniqueEmail } from "./translations.ts";

export type MarketRole = "client" | "assistant";

export interface SeededUser {
  name: string;
  email: string;
  password: string;
  ui: AccountPages;
}

const PASSWORD = "Feder-Kompass-58-Nebel";

/**
 * A confirmed account made through the API, faster than the sign-up journey the account specs
 * already cover: sign up, then follow the confirmation link from the dev mail outbox. The link
 * signs the browser context in, so `page` ends on /verified with a session.
 */
export async function seedUser(page: Page, role: MarketRole, lang: Lang, name: string): Promise<SeededUser> {
  const email = uniqueEmail(`${role}-${lang}`);
  const signUp = await page.request.post("/api/auth/sign-up/email", {
    data: {
      name,
      email,
      password: PASSWORD,
      role,
      locale: lang,
      timeZone: "Europe/Berlin",
      callbackURL: "/verified",
    },
  });
  expect(signUp.ok(), await signUp.text()).toBe(true);
  let link = "";
  await expect(async () => {
    const mails = (await (await page.request.get("/dev/mail.json")).json()) as { to: string; text: string }[];
    const mail = mails.find((m) => m.to === email);
    link = mail?.text.match(/https?:\/\/\S+/)?.[0] ?? "";
    expect(link).not.toBe("");
  }).toPass();
  await page.goto(link);
  await page.waitForURL("**/verified");
  const ui = new AccountPages(page, lang);
  await ui.expectPage("verified.title");
  return { name, email, password: PASSWORD, ui };
}

/** Where a browser speaking each language sits: its locale and time zone. */
const BROWSER_PLACES: Record<Lang, { locale: string; timezoneId: string }> = {
  de: { locale: "de-DE", timezoneId: "Europe/Berlin" },
  en: { locale: "en-GB", timezoneId: "Europe/London" },
};

/**
 * A new browser context in the language's place with a confirmed account of `role` signed in;
 * `context` adds to it (e.g. a phone's screen and touch).
 */
export async function signedIn(
  browser: Browser,
  lang: Lang,
  role: MarketRole,
  name: string,
  context: BrowserContextOptions = {},
): Promise<Page> {
  const page = await (await browser.newContext({ ...BROWSER_PLACES[lang], ...context })).newPage();
  await seedUser(page, role, lang, name);
  return page;
}

/** A new browser context in Germany (de-DE, Berlin) with a confirmed account of `role` signed in. */
export const signedInGerman = (browser: Browser, role: MarketRole, name: string) =>
  signedIn(browser, "de", role, name);

/** A new browser context in Britain (en-GB, London) with a confirmed account of `role` signed in. */
export const signedInEnglish = (
  browser: Browser,
  role: MarketRole,
  name: string,
  context: BrowserContextOptions = {},
) => signedIn(browser, "en", role, name, context);

/** An ISO calendar date `days` from now, for start dates and deadlines that stay in the future. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export interface JobTerms {
  title: string;
  maxRateMinor: number;
  screeningQuestions?: string[];
  /** The working-hour overlap the client wants (jobs/schema.ts overlapSchema). */
  overlap?: { hours: number; timeZone: string; from: string; to: string };
}

/** A published job made through the API by the signed-in client of `page`; answers its id. */
export async function publishJobViaApi(page: Page, terms: JobTerms): Promise<string> {
  const created = await page.request.post("/api/v1/jobs", {
    data: {
      title: terms.title,
      description: "Belege erfassen und Rechnungen ablegen.",
      categories: ["bookkeeping"],
      pricingModel: "hourly",
      maxRateMinor: terms.maxRateMinor,
      expectedVolume: 10,
      startDate: daysFromNow(14),
      bidDeadline: new Date(`${daysFromNow(30)}T12:00:00Z`).toISOString(),
      screeningQuestions: terms.screeningQuestions ?? [],
      ...(terms.overlap ? { overlap: terms.overlap } : {}),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const published = await page.request.post(`/api/v1/jobs/${id}/transitions`, {
    data: { action: "publish" },
  });
  expect(published.ok(), await published.text()).toBe(true);
  return id;
}

/** An assistant profile for the signed-in assistant of `page`: experience and weekday hours. */
export async function saveAssistantProfileViaApi(
  page: Page,
  profile: { yearsExperience: number; timeZone: string; from: string; to: string },
): Promise<void> {
  const weekdays = ["mon", "tue", "wed", "thu", "fri"];
  const saved = await page.request.put("/api/v1/me/assistant-profile", {
    data: {
      headline: "Virtual assistant",
      yearsExperience: profile.yearsExperience,
      timeZone: profile.timeZone,
      weeklyHours: weekdays.map((day) => ({ day, from: profile.from, to: profile.to })),
    },
  });
  expect(saved.ok(), await saved.text()).toBe(true);
}

/** A bid on a job by the signed-in assistant of `page`, made through the API; answers its id. */
export async function placeBidViaApi(
  page: Page,
  jobId: string,
  bid: { rateMinor: number; coverLetter: string; answers?: string[] },
): Promise<string> {
  const placed = await page.request.post(`/api/v1/jobs/${jobId}/bids`, {
    data: { answers: [], earliestStart: daysFromNow(14), ...bid },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  return ((await placed.json()) as { id: string }).id;
}

/**
 * A hire made through the API: the client of `client` offers hourly terms on the bid, the
 * assistant of `assistant` accepts. Answers the new contract's id.
 */
export async function hireViaApi(
  client: Page,
  assistant: Page,
  bidId: string,
  terms: { rateMinor: number; weeklyHourCap: number },
): Promise<string> {
  const offered = await client.request.post(`/api/v1/bids/${bidId}/offers`, {
    data: { pricingModel: "hourly", startDate: daysFromNow(14), ...terms },
  });
  expect(offered.status(), await offered.text()).toBe(201);
  const { id: offerId } = (await offered.json()) as { id: string };
  const accepted = await assistant.request.post(`/api/v1/offers/${offerId}/response`, {
    data: { decision: "accept" },
  });
  expect(accepted.ok(), await accepted.text()).toBe(true);
  const { contract } = (await accepted.json()) as { contract?: { id: string } };
  if (!contract) throw new Error("Accepting the offer made no contract");
  return contract.id;
}

/** A job of the client's, the assistant's bid on it and the hire, all through the API; the contract's id. */
export async function contractViaApi(client: Page, assistant: Page, job: string): Promise<string> {
  const jobId = await publishJobViaApi(client, { title: job, maxRateMinor: 4000 });
  const bidId = await placeBidViaApi(assistant, jobId, {
    rateMinor: 3500,
    coverLetter: "Ich vereinbare seit Jahren Termine und führe Bücher für kleine Betriebe.",
  });
  return hireViaApi(client, assistant, bidId, { rateMinor: 3500, weeklyHourCap: 10 });
}

const EVERY_DAY = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** The signed-in user's account zone and hours for interviews, every day, in that zone. */
export async function livesIn(page: Page, timeZone: string, from: string, to: string) {
  const origin = new URL(page.url()).origin;
  const zone = await page.request.post("/api/auth/update-user", { data: { timeZone }, headers: { origin } });
  expect(zone.ok(), await zone.text()).toBe(true);
  const saved = await page.request.put("/api/v1/me/availability", {
    data: {
      timeZone,
      weeklyHours: EVERY_DAY.map((day) => ({ day, from, to })),
      exceptions: [],
      bufferMinutes: 0,
    },
  });
  expect(saved.ok(), await saved.text()).toBe(true);
}
