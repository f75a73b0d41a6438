import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerProblemHandling } from "../http/problems.ts";
import { createTestApp, TEST_ORIGIN } from "../testing/app.ts";
import { answerFromAuth } from "./forward.ts";

// What Better Auth's handler may answer, each behind a route of a bare app with our problem handling.
const ANSWERS: Record<string, () => Promise<Response>> = {
  empty500: async () => new Response(null, { status: 500 }),
  text502: async () =>
    new Response("upstream said no", { status: 502, headers: { "content-type": "text/plain" } }),
  json500: async () =>
    Response.json({ code: "FAILED_TO_CREATE_SESSION", message: "db at 10.0.0.5 refused" }, { status: 500 }),
  empty404: async () => new Response(null, { status: 404 }),
  nullJson404: async () =>
    new Response("null", { status: 404, headers: { "content-type": "application/json" } }),
  json401: async () =>
    Response.json(
      { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" },
      { status: 401 },
    ),
  throws: async () => {
    throw new Error("secret internals");
  },
  ok: async () =>
    Response.json(
      { ok: true },
      {
        headers: [
          ["set-cookie", "a=1; Path=/"],
          ["set-cookie", "b=2; Path=/"],
        ],
      },
    ),
};

let bare: ReturnType<typeof Fastify>;
beforeAll(async () => {
  bare = Fastify({ logger: false });
  registerProblemHandling(bare);
  for (const [name, answer] of Object.entries(ANSWERS)) {
    bare.post(`/${name}`, (request: FastifyRequest, reply: FastifyReply) =>
      answerFromAuth(request, reply, TEST_ORIGIN, answer),
    );
  }
  await bare.ready();
});
afterAll(() => bare.close());

async function problemOf(name: string) {
  const res = await bare.inject({ method: "POST", url: `/${name}` });
  expect(res.headers["content-type"], name).toContain("application/problem+json");
  return { status: res.statusCode, body: res.json() };
}

describe("Better Auth's answers through the mount", () => {
  it("turns empty, text and JSON failures and throws into problem+json, without internals on a 5xx", async () => {
    expect(await problemOf("empty500")).toMatchObject({
      status: 500,
      body: { code: "internal", status: 500 },
    });
    expect(await problemOf("text502")).toMatchObject({ status: 500, body: { code: "internal" } });
    const json500 = await problemOf("json500");
    expect(json500.body).toMatchObject({ code: "internal", reason: "auth.failed_to_create_session" });
    expect(JSON.stringify(json500.body)).not.toContain("10.0.0.5");
    expect(await problemOf("empty404")).toMatchObject({ status: 404, body: { code: "not_found" } });
    expect(await problemOf("nullJson404")).toMatchObject({ status: 404, body: { code: "not_found" } });
    expect(await problemOf("json401")).toMatchObject({
      status: 401,
      body: {
        code: "unauthenticated",
        reason: "auth.invalid_email_or_password",
        detail: "Invalid email or password",
      },
    });
    const thrown = await problemOf("throws");
    expect(thrown).toMatchObject({ status: 500, body: { code: "internal", instance: "/throws" } });
    expect(JSON.stringify(thrown.body)).not.toContain("secret");
    // Successes pass through, with every cookie.
    const ok = await bare.inject({ method: "POST", url: "/ok" });
    expect(ok.json()).toEqual({ ok: true });
    expect(ok.cookies.map((c: { name: string }) => c.name)).toEqual(["a", "b"]);
  });
});

describe("unknown auth paths on the app", () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it("answers 404 problem+json, not a body of null", async () => {
    for (const method of ["GET", "POST"] as const) {
      const res = await app.inject({
        method,
        url: "/api/auth/nothing-here",
        headers: { origin: TEST_ORIGIN, "content-type": "application/json" },
        ...(method === "POST" ? { payload: "{}" } : {}),
      });
      expect(res.statusCode, method).toBe(404);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({ code: "not_found", instance: "/api/auth/nothing-here" });
    }
  });
});
