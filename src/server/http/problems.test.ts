import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../testing/app.ts";
import { publicAccess } from "./access.ts";

type App = Awaited<ReturnType<typeof createTestApp>>;
let app: App;

beforeAll(async () => {
  app = await createTestApp();
  // A route that fails unexpectedly, to prove internals never reach the client.
  app.get("/api/test-boom", { config: { access: publicAccess() } }, async () => {
    throw new Error("secret internal detail at /srv/app.ts:12");
  });
});
afterAll(() => app.close());

const problemType = "application/problem+json; charset=utf-8";

describe("problem+json for every error", () => {
  it("404 for an unknown API path", async () => {
    const res = await app.inject({ method: "GET", url: "/api/v1/nope" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toBe(problemType);
    expect(res.json()).toMatchObject({ status: 404, code: "not_found", instance: "/api/v1/nope" });
  });

  it("405 with Allow for a known path and a wrong method", async () => {
    const res = await app.inject({ method: "DELETE", url: "/api/health" });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe("GET");
    expect(res.json()).toMatchObject({ code: "method_not_allowed" });
  });

  it("413 for a body over 1 MiB", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/me/roles",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ role: "x".repeat(1024 * 1024 + 10) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: "payload_too_large" });
  });

  it("415 for a body that is not JSON", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { "content-type": "text/plain" },
      payload: "hello",
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: "unsupported_media_type" });
  });

  it("400 for malformed and for empty JSON", async () => {
    for (const payload of ["{bad", ""]) {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { "content-type": "application/json" },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toBe(problemType);
      expect(res.json()).toMatchObject({ code: "bad_request", reason: "body.malformed_json" });
    }
  });

  it("500 without a stack trace or the internal message", async () => {
    const res = await app.inject({ method: "GET", url: "/api/test-boom" });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      type: "https://assista.app/problems/internal",
      title: "Internal error",
      status: 500,
      instance: "/api/test-boom",
      code: "internal",
    });
    expect(res.body).not.toContain("secret");
  });
});
