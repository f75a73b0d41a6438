import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTestAvailability, weekdayAt } from "../../features/interviews/testing.ts";
import { jobInput } from "../../features/jobs/testing.ts";
import { bidThread } from "../../features/messaging/testing.ts";
import { mailOutbox } from "../mail/tables.ts";
import { createTestApp } from "../testing/app.ts";
import { Browser, nextIp, signedIn } from "../testing/http.ts";
import { PDF, png, sendUpload } from "../testing/upload.ts";
import {
  type DeclaredRoute,
  enforceAccess,
  IDENTITIES,
  type Identity,
  type Outcome,
  openApiSecurity,
  session,
} from "./access.ts";

// The authorization matrix: every route of the route table (app.routeTable, filled as routes
// register) as each of five identities, checked against the outcomes the route declares beside its
// access. Nothing here names a route's expectations: a new route is checked the day it is added.
// What this file knows is how to reach routes: ids for path parameters (by the segment before
// them), and a minimal valid body or query where a schema asks for one, so a request gets past
// validation to the ownership check. A route whose body is missing here fails with that hint.

type App = Awaited<ReturnType<typeof createTestApp>>;
let app: App;
let who: Record<Identity, Browser>;
/** Path segment → the id its parameter takes. */
let ids: Record<string, string>;

const proposal = weekdayAt(10, 2).toISOString();
const window = `from=${encodeURIComponent("2027-03-01T00:00:00Z")}&to=${encodeURIComponent("2027-03-31T00:00:00Z")}`;

/** Minimal valid input, by "METHOD url" as registered. */
const BODIES: Record<string, unknown> = {
  "POST /api/v1/me/roles": { role: "client" },
  "PUT /api/v1/me/availability": { timeZone: "Europe/Berlin", weeklyHours: [] },
  // A private address: refused (422) without any network access.
  "POST /api/v1/me/calendar-imports": { name: "Arbeit", url: "http://127.0.0.1:1/cal.ics" },
  "POST /api/v1/jobs": jobInput(),
  "PATCH /api/v1/jobs/:id": { title: "Buchhaltung, neu" },
  "POST /api/v1/jobs/:id/invitations": { assistantId: "someone-else" },
  "POST /api/v1/jobs/:id/transitions": { action: "pause" },
  "POST /api/v1/jobs/:id/bids": {
    rateMinor: 3000,
    coverLetter: "Gern übernehme ich das.",
    answers: ["DATEV"],
    earliestStart: "2027-01-04",
  },
  "PATCH /api/v1/bids/:id": { coverLetter: "Gern übernehme ich das, ab sofort." },
  "POST /api/v1/bids/:id/transitions": { action: "withdraw" },
  "POST /api/v1/bids/:id/offers": {
    pricingModel: "hourly",
    rateMinor: 3000,
    weeklyHourCap: 10,
    startDate: "2027-01-11",
  },
  "POST /api/v1/offers/:id/response": { decision: "decline" },
  "POST /api/v1/bids/:id/interviews": { durationMinutes: 30, proposals: [proposal] },
  "POST /api/v1/interviews/:id/confirm": { start: proposal },
  "POST /api/v1/interviews/:id/reschedule": { start: proposal, reason: "Termin verschoben" },
  "POST /api/v1/interviews/:id/cancel": { reason: "Doch nicht" },
  "POST /api/v1/threads/:id/messages": { body: "Hallo" },
  "PATCH /api/v1/messages/:id": { body: "Hallo!" },
  "POST /api/v1/threads/:id/read": {},
  "POST /api/v1/notifications/read": { all: true },
  "PUT /api/v1/me/notification-preferences": { preferences: [{ type: "bid.received", channel: "off" }] },
  "PUT /api/v1/me/assistant-profile": {
    headline: "Buchhaltung",
    yearsExperience: 3,
    timeZone: "Asia/Manila",
  },
  "PUT /api/v1/me/client-profile": {
    displayName: "Berger GmbH",
    country: "DE",
    timeZone: "Europe/Berlin",
    billingAddress: { line1: "Hauptstr. 1", postalCode: "10115", city: "Berlin" },
  },
  "POST /api/v1/samples/links": { title: "Blog", url: "https://example.com/blog", category: "blog_writing" },
  "POST /api/v1/me/calendar-feeds": {},
  "POST /api/v1/contracts/:contractId/events": {
    title: "Wochenbesprechung",
    start: "2027-03-15T09:00",
    end: "2027-03-15T09:30",
    timeZone: "Europe/Berlin",
  },
  "PATCH /api/v1/contracts/:contractId/events/:eventId": { title: "Besprechung" },
  "PUT /api/v1/contracts/:contractId/events/:eventId/occurrences/:originalStart": { title: "Einmal anders" },
  "POST /api/v1/contracts/:id/pause": { reason: "Urlaub" },
  "POST /api/v1/contracts/:id/resume": {},
  "POST /api/v1/contracts/:id/end": { reason: "Projekt fertig" },
  "POST /api/auth/*": {},
};

const QUERIES: Record<string, string> = {
  "GET /api/v1/contracts/:contractId/events": window,
  "GET /api/v1/contracts/:contractId/calendar-context": window,
};

/** Wildcards: what the rest of the path is. */
const WILDCARDS: Record<string, string> = {
  "GET /api/auth/*": "get-session",
  "POST /api/auth/*": "sign-in/email",
  "GET /api/docs/static/*": "index.html",
};

/**
 * Routes that change what later routes find, in the order they run after all others: each
 * identity's request before the owner's, an occurrence before its event, the contract's end last.
 */
const LAST = [
  "POST /api/v1/jobs/:id/transitions",
  "DELETE /api/v1/messages/:id",
  "DELETE /api/v1/contracts/:contractId/events/:eventId/occurrences/:originalStart",
  "DELETE /api/v1/contracts/:contractId/events/:eventId",
  "DELETE /api/v1/samples/:id",
  "DELETE /api/v1/me/calendar-imports/:id",
  "DELETE /api/v1/me/calendar-feeds/:id",
  "POST /api/v1/interviews/:id/cancel",
  "POST /api/v1/bids/:id/transitions",
  "POST /api/v1/me/roles",
  "POST /api/v1/contracts/:id/end",
];

const keyOf = (r: DeclaredRoute) => `${r.method} ${r.url}`;

function urlFor(route: DeclaredRoute): string {
  const key = keyOf(route);
  const segments = route.url.split("/");
  const path = segments
    .map((segment, i) => {
      if (segment === "*") return WILDCARDS[key] ?? "x";
      if (!segment.startsWith(":")) return segment;
      const before = segments[i - 1] ?? "";
      const id = ids[before];
      if (!id) throw new Error(`${key}: no id for a parameter after /${before}/ (add one to ids)`);
      // "/:token.ics" keeps its suffix.
      return segment.endsWith(".ics") ? `${id}.ics` : id;
    })
    .join("/");
  const query = QUERIES[key];
  return query ? `${path}?${query}` : path;
}

function outcomeOf(status: number): Outcome {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "hidden";
  return "allowed";
}

async function seed() {
  // The interview before the hire: a hired bid takes none.
  const parties = await bidThread(app);
  const { client, assistant } = parties;
  await setTestAvailability(client, assistant);
  const requested = await client.post(`/api/v1/bids/${parties.bid.id}/interviews`, {
    durationMinutes: 30,
    proposals: [proposal, weekdayAt(11, 2).toISOString()],
  });
  if (requested.statusCode !== 201) throw new Error(`interview: ${requested.body}`);
  const interview = requested.json();
  const offered = (
    await client.post(`/api/v1/bids/${parties.bid.id}/offers`, BODIES["POST /api/v1/bids/:id/offers"])
  ).json();
  const accepted = await assistant.post(`/api/v1/offers/${offered.id}/response`, { decision: "accept" });
  const world = { ...parties, contractId: accepted.json().contract.id as string };
  const event = (
    await client.post(`/api/v1/contracts/${world.contractId}/events`, {
      title: "Wochenbesprechung",
      start: "2027-03-15T09:00",
      end: "2027-03-15T09:30",
      timeZone: "Europe/Berlin",
      rrule: "FREQ=WEEKLY;COUNT=4",
    })
  ).json();
  const contractThread = (await client.post(`/api/v1/contracts/${world.contractId}/thread`)).json();
  const message = (
    await sendUpload(app, client, {
      method: "POST",
      url: `/api/v1/threads/${world.thread.id}/attachments`,
      fields: { body: "Die Rechnung" },
      file: { name: "rechnung.pdf", type: "application/pdf", bytes: PDF },
    })
  ).json();
  const imported = (
    await sendUpload(app, assistant, {
      method: "POST",
      url: "/api/v1/me/calendar-imports/file",
      fields: { name: "Arbeit" },
      file: { name: "arbeit.ics", type: "text/calendar", bytes: Buffer.from(ICS) },
    })
  ).json();
  const sample = (
    await sendUpload(app, assistant, {
      method: "POST",
      url: "/api/v1/samples",
      fields: { title: "Muster", category: "blog_writing", visibility: "public" },
      file: { name: "muster.png", type: "image/png", bytes: await png() },
    })
  ).json();
  await assistant.request("PUT", "/api/v1/me/assistant-profile", BODIES["PUT /api/v1/me/assistant-profile"]);
  await sendUpload(app, assistant, {
    method: "PUT",
    url: "/api/v1/me/assistant-profile/photo",
    fields: {},
    file: { name: "ich.png", type: "image/png", bytes: await png(600, 600) },
  });
  await client.request("PUT", "/api/v1/me/client-profile", BODIES["PUT /api/v1/me/client-profile"]);
  const feed = (await client.post("/api/v1/me/calendar-feeds", {})).json();
  const [mail] = await app.database.db.select({ id: mailOutbox.id }).from(mailOutbox).limit(1);
  ids = {
    jobs: world.job.id,
    bids: world.bid.id,
    offers: offered.id,
    contracts: world.contractId,
    events: event.id,
    occurrences: "2027-03-15T08:00:00Z",
    threads: contractThread.id,
    messages: message.id,
    interviews: interview.id,
    samples: sample.id,
    "calendar-imports": imported.id,
    "calendar-feeds": feed.id,
    assistants: assistant.userId,
    calendar:
      String(feed.url)
        .split("/")
        .pop()
        ?.replace(/\.ics$/, "") ?? "",
    mail: mail?.id ?? "",
  };
  const others = {
    anonymous: new Browser(app, nextIp()),
    otherClient: await signedIn(app, ["client"], "Otto Client"),
    otherAssistant: await signedIn(app, ["assistant"], "Olga Assistant"),
    admin: await signedIn(app, ["admin"], "Ada Admin"),
  };
  return { client, assistant, ...others };
}

// One busy hour: the import needs an event to be worth keeping.
const ICS = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//matrix//EN\r\nBEGIN:VEVENT\r\nUID:1@matrix\r\nDTSTART:20270315T090000Z\r\nDTEND:20270315T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;

let seeded: Awaited<ReturnType<typeof seed>>;

beforeAll(async () => {
  app = await createTestApp({
    // The limits protect production; the matrix sends a few hundred requests from five browsers.
    RATE_LIMIT_PER_MINUTE: "1000000",
    AUTH_ATTEMPTS_PER_MINUTE: "1000000",
    MESSAGES_PER_MINUTE: "1000000",
  });
  seeded = await seed();
}, 120_000);
afterAll(() => app?.close());

/** The routes in the order they are walked: reading first, then writing, then LAST in its order. */
function walk(): DeclaredRoute[] {
  const routes = app.routeTable.filter((r) => r.method !== "HEAD");
  const rank = (r: DeclaredRoute) => {
    const last = LAST.indexOf(keyOf(r));
    if (last >= 0) return 2 + last;
    return r.method === "GET" ? 0 : 1;
  };
  return [...routes].sort((a, b) => rank(a) - rank(b));
}

describe("the authorization matrix", () => {
  it("refuses to start with a route that declares nothing, naming it", async () => {
    const bare = Fastify();
    const hooks = { authenticate: async () => {}, optional: async () => {} };
    enforceAccess(bare, hooks);
    bare.get("/declared", { config: { access: session() } }, async () => "ok");
    expect(() => bare.get("/undeclared", async () => "no")).toThrow("GET /undeclared declares no access");
    await bare.close();
  });

  it("walks every route but Fastify's automatic HEAD copies", () => {
    const walked = walk();
    expect(walked.length).toBeGreaterThan(90);
    expect(walked.length).toBe(app.routeTable.filter((r) => r.method !== "HEAD").length);
  });

  it("documents the session cookie in OpenAPI exactly where the access needs one", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const paths = doc.paths as Record<string, Record<string, { security?: unknown }>>;
    let compared = 0;
    for (const route of walk()) {
      const path = route.url.replace(/:([A-Za-z]+)/g, "{$1}");
      const operation = paths[path]?.[route.method.toLowerCase()];
      if (!operation) continue;
      compared += 1;
      expect(operation.security, keyOf(route)).toEqual(openApiSecurity(route.access));
    }
    expect(compared).toBeGreaterThan(80);
  });

  it("checks the session on the HEAD copy of a GET route too", async () => {
    const res = await app.inject({ method: "HEAD", url: "/api/v1/me" });
    expect(res.statusCode).toBe(401);
  });

  it("answers each identity as each route declares", async () => {
    who = {
      anonymous: seeded.anonymous,
      owner: seeded.client,
      otherClient: seeded.otherClient,
      otherAssistant: seeded.otherAssistant,
      admin: seeded.admin,
    };
    const failures: string[] = [];
    let checked = 0;
    // The owner goes last, so a destructive route is tried by everyone else first.
    const order: Identity[] = ["anonymous", "otherClient", "otherAssistant", "admin", "owner"];
    expect(new Set(order)).toEqual(new Set(IDENTITIES));
    for (const route of walk()) {
      const key = keyOf(route);
      const url = urlFor(route);
      const body = BODIES[key];
      for (const identity of order) {
        const browser =
          identity === "owner"
            ? route.access.owner === "client"
              ? seeded.client
              : seeded.assistant
            : who[identity];
        const method = route.method as "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
        const res = await browser.request(
          method,
          url,
          method === "GET" || method === "DELETE" ? undefined : (body ?? {}),
        );
        checked += 1;
        const got = outcomeOf(res.statusCode);
        const expected = route.access.expect[identity];
        if (got !== expected) {
          const hint = res.statusCode === 400 && body === undefined ? " (no body in BODIES?)" : "";
          failures.push(
            `${key} as ${identity}: expected ${expected}, got ${res.statusCode}${hint} ${res.body.slice(0, 160)}`,
          );
        }
      }
    }
    console.info(`authorization matrix: ${checked} requests`);
    expect(failures).toEqual([]);
  }, 120_000);
});
