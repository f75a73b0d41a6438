import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { signedIn } from "../../server/testing/http.ts";
import { sendUpload } from "../../server/testing/upload.ts";
import { setTestAvailability, weekdayAt } from "../interviews/testing.ts";
import { bidThread } from "../messaging/testing.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
let calendars: Server;
let calendarsUrl: string;
/** What the local calendar server answers, by path. */
const served = new Map<string, string>();

const ics = (events: { start: Date; end: Date; summary: string }[]) =>
  [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Test//EN",
    ...events.flatMap((e, i) => [
      "BEGIN:VEVENT",
      `UID:e${i}@test`,
      `DTSTAMP:20260101T000000Z`,
      `DTSTART:${e.start
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "")}`,
      `DTEND:${e.end
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "")}`,
      `SUMMARY:${e.summary}`,
      "END:VEVENT",
    ]),
    "END:VCALENDAR",
  ].join("\r\n");

beforeAll(async () => {
  // Subscriptions here reach a server on loopback: allowed only by this explicit setting.
  app = await createTestApp({ CALENDAR_URLS_ALLOW_PRIVATE: "true" });
  calendars = createServer((req, res) => {
    const body = served.get(req.url ?? "");
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/calendar" }).end(body);
  });
  await new Promise<void>((r) => calendars.listen(0, "127.0.0.1", r));
  calendarsUrl = `http://127.0.0.1:${(calendars.address() as AddressInfo).port}`;
});
afterAll(async () => {
  calendars.close();
  await app.close();
});

describe("availability", () => {
  it("defaults to office hours in the account's zone until saved; an unknown zone is refused by field", async () => {
    const client = await signedIn(app, ["client"]);
    expect((await client.get("/api/v1/me/availability")).json()).toMatchObject({
      isDefault: true,
      timeZone: "Europe/Berlin",
      weeklyHours: expect.arrayContaining([{ day: "mon", from: "09:00", to: "17:00" }]),
    });
    const bad = await client.request("PUT", "/api/v1/me/availability", {
      timeZone: "Mars/Olympus",
      weeklyHours: [{ day: "mon", from: "10:00", to: "09:00" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(["timeZone"]),
    );
    const saved = await client.request("PUT", "/api/v1/me/availability", {
      timeZone: "America/New_York",
      weeklyHours: [{ day: "tue", from: "22:00", to: "24:00" }],
      exceptions: [{ date: "2027-01-05" }],
      bufferMinutes: 15,
    });
    expect(saved.json()).toMatchObject({ isDefault: false, timeZone: "America/New_York", bufferMinutes: 15 });
  });
});

describe("imported calendars", () => {
  it("a subscribed URL's events become busy time and leave the common slots; errors are shown, not thrown", async () => {
    const { client, assistant, bid } = await bidThread(app);
    await setTestAvailability(client, assistant);
    const day = weekdayAt(0);
    const slotsOfDay = async () =>
      (
        await client.get(
          `/api/v1/bids/${bid.id}/interview-slots?durationMinutes=30&from=${day.toISOString()}&to=${new Date(day.getTime() + 86_400_000).toISOString()}`,
        )
      )
        .json()
        .slots.map((s: { start: string }) => s.start);
    const before = await slotsOfDay();
    const busyStart = weekdayAt(10);
    expect(before).toContain(busyStart.toISOString());
    served.set("/anna.ics", ics([{ start: busyStart, end: weekdayAt(12), summary: "Zahnarzt" }]));
    const added = await assistant.post("/api/v1/me/calendar-imports", {
      name: "Privat",
      url: `${calendarsUrl}/anna.ics`,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      kind: "url",
      name: "Privat",
      lastError: null,
      busyCount: 1,
      host: expect.stringContaining("127.0.0.1"),
    });
    const after = await slotsOfDay();
    expect(after).not.toContain(busyStart.toISOString());
    expect(after).not.toContain(weekdayAt(11, 1, 30).toISOString());
    // The job fetches it again once 15 minutes have passed: a second appointment appears.
    served.set(
      "/anna.ics",
      ics([
        { start: busyStart, end: weekdayAt(12), summary: "Zahnarzt" },
        { start: weekdayAt(13), end: weekdayAt(13, 1, 30), summary: "Elternabend" },
      ]),
    );
    await app.services.availability.syncDue(new Date(Date.now() + 5 * 60_000));
    expect((await assistant.get("/api/v1/me/calendar-imports")).json()[0].busyCount).toBe(1);
    await app.services.availability.syncDue(new Date(Date.now() + 16 * 60_000));
    expect((await assistant.get("/api/v1/me/calendar-imports")).json()[0].busyCount).toBe(2);
    // The calendar goes away: the next sync records the error and keeps the last busy time.
    served.delete("/anna.ics");
    const synced = await assistant.post(`/api/v1/me/calendar-imports/${added.json().id}/sync`);
    expect(synced.json()).toMatchObject({ lastError: "ics_url.http_status", busyCount: 2 });
    // Only the owner sees, syncs or removes it.
    const stranger = await signedIn(app, ["assistant"]);
    expect((await stranger.post(`/api/v1/me/calendar-imports/${added.json().id}/sync`)).statusCode).toBe(404);
    expect(
      (await stranger.request("DELETE", `/api/v1/me/calendar-imports/${added.json().id}`)).statusCode,
    ).toBe(404);
    expect((await stranger.get("/api/v1/me/calendar-imports")).json()).toEqual([]);
    expect(
      (await assistant.request("DELETE", `/api/v1/me/calendar-imports/${added.json().id}`)).statusCode,
    ).toBe(204);
    expect(await slotsOfDay()).toContain(busyStart.toISOString());
  });

  it("refuses URLs that are not http(s), and (without the test setting) private addresses", async () => {
    const user = await signedIn(app, ["assistant"]);
    const ftp = await user.post("/api/v1/me/calendar-imports", { name: "x", url: "ftp://example.com/a.ics" });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().errors[0]).toMatchObject({ field: "url", code: "url_invalid" });
    const strict = await createTestApp({}, {}, app.database);
    try {
      const other = await signedIn(strict, ["assistant"]);
      const local = await other.post("/api/v1/me/calendar-imports", {
        name: "lokal",
        url: `${calendarsUrl}/x.ics`,
      });
      expect(local.json()).toMatchObject({ lastError: "ics_url.private_address", busyCount: 0 });
    } finally {
      await strict.close();
    }
  });

  it("an uploaded .ics is read once; a malformed or oversized file is refused and nothing is kept", async () => {
    const user = await signedIn(app, ["assistant"]);
    const good = ics([{ start: weekdayAt(9), end: weekdayAt(10), summary: "Team" }]);
    const upload = (name: string, content: string | Buffer) =>
      sendUpload(app, user, {
        method: "POST",
        url: "/api/v1/me/calendar-imports/file",
        fields: { name: "Arbeit" },
        file: { name, type: "text/calendar", bytes: Buffer.from(content) },
      });
    const ok = await upload("arbeit.ics", good);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ kind: "file", name: "Arbeit", busyCount: 1, host: null });
    const broken = await upload("kaputt.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nonsense");
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ reason: "ics.malformed" });
    const huge = await upload("riesig.ics", Buffer.alloc(5 * 1024 * 1024 + 10, "A"));
    expect(huge.statusCode).toBe(413);
    expect((await user.get("/api/v1/me/calendar-imports")).json()).toHaveLength(1);
  });
});
