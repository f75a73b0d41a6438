import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../testing/app.ts";
import { Browser, nextIp } from "../testing/http.ts";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo, seedDemoIfEmpty } from "./demo.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe("demo data", () => {
  it("seeds an empty database once, with logins that work", async () => {
    expect(await seedDemoIfEmpty(app)).toBe(true);
    expect(await seedDemoIfEmpty(app)).toBe(false);
    for (const demo of DEMO_USERS) {
      const browser = new Browser(app, `192.0.2.${DEMO_USERS.indexOf(demo) + 50}`);
      const res = await browser.post("/api/auth/sign-in/email", {
        email: demo.email,
        password: DEMO_PASSWORD,
      });
      expect(res.statusCode).toBe(200);
      expect((await browser.get("/api/v1/me")).json().roles).toEqual(demo.roles);
    }
  });

  it("fills the marketplace: profiles, open jobs in both languages, bids with samples, a contract", async () => {
    await seedDemo(app);
    const anon = new Browser(app, "192.0.2.70");
    const board = (await anon.get("/api/v1/job-board?limit=50")).json().items as { title: string }[];
    expect(board.length).toBeGreaterThanOrEqual(4);
    expect(board.map((j) => j.title)).toEqual(
      expect.arrayContaining([
        "Vorbereitende Buchhaltung für ein Architekturbüro",
        "Travel planning for a consulting team (EU and US)",
      ]),
    );
    const clara = new Browser(app, "192.0.2.71");
    await clara.post("/api/auth/sign-in/email", {
      email: "client@demo.assista.app",
      password: DEMO_PASSWORD,
    });
    const mine = (await clara.get("/api/v1/jobs")).json().items as { id: string; bidCount: number }[];
    const busiest = mine.find((j) => j.bidCount === 3);
    expect(busiest).toBeDefined();
    const bids = (await clara.get(`/api/v1/jobs/${busiest?.id}/bids?sort=overlap&order=desc`)).json().items;
    expect(bids.map((b: { status: string }) => b.status).sort()).toEqual([
      "rejected",
      "shortlisted",
      "submitted",
    ]);
    expect(bids[0].overlapMinutes).toBeGreaterThan(0);
    expect(bids.some((b: { sampleIds: string[] }) => b.sampleIds.length > 0)).toBe(true);
    const lena = new Browser(app, "192.0.2.72");
    await lena.post("/api/auth/sign-in/email", { email: "lena@demo.assista.app", password: DEMO_PASSWORD });
    const contracts = (await lena.get("/api/v1/contracts")).json().items;
    expect(contracts).toEqual([expect.objectContaining({ status: "active" })]);
    const [anna] = await app.database.db.query.user.findMany({
      where: (u, { eq }) => eq(u.email, "anna@demo.assista.app"),
    });
    const profile = (await anon.get(`/api/v1/assistants/${anna?.id}`)).json();
    expect(profile).toMatchObject({ name: "Anna Schmidt", yearsExperience: 15 });
    expect((await anon.get(`/api/v1/assistants/${anna?.id}/samples`)).json()).toHaveLength(1);
    // Anna has an interview request from Clara with common times to choose from.
    const annaBrowser = new Browser(app, nextIp());
    await annaBrowser.post("/api/auth/sign-in/email", {
      email: "anna@demo.assista.app",
      password: DEMO_PASSWORD,
    });
    const interviews = (await annaBrowser.get("/api/v1/interviews")).json().items;
    expect(interviews).toEqual([expect.objectContaining({ status: "requested" })]);
    expect(interviews[0].proposals.length).toBeGreaterThanOrEqual(1);
  });

  it("reseeding replaces the demo accounts and keeps everyone else", async () => {
    const browser = new Browser(app, "192.0.2.99");
    await browser.post("/api/auth/sign-up/email", {
      name: "Real Person",
      email: "real@example.com",
      password: "a-real-person-password",
      role: "client",
    });
    await seedDemo(app);
    const emails = (await app.database.db.query.user.findMany()).map((u) => u.email).sort();
    expect(emails).toEqual([...DEMO_USERS.map((u) => u.email), "real@example.com"].sort());
  });
});
