import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../testing/app.ts";
import { Browser } from "../testing/http.ts";
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
