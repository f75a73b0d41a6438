import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_METRICS_TOKEN } from "../testing/app.ts";
import { bearerMatches, listenForMetrics } from "./metrics.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe("system endpoints", () => {
  it("health and readiness answer ok", async () => {
    expect((await app.inject("/api/health")).json()).toEqual({ status: "ok" });
    expect((await app.inject("/api/ready")).json()).toEqual({ status: "ok" });
  });

  it("metrics expose a latency histogram per route, with the metrics token only", async () => {
    await app.inject("/api/health");
    const res = await app.inject({
      url: "/metrics",
      headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/health"/);
    expect(res.body).toContain("process_resident_memory_bytes");
    for (const authorization of [
      undefined,
      "Bearer wrong",
      `Basic ${TEST_METRICS_TOKEN}`,
      `Bearer ${TEST_METRICS_TOKEN}x`,
    ]) {
      const refused = await app.inject({ url: "/metrics", headers: authorization ? { authorization } : {} });
      expect(refused.statusCode, authorization).toBe(401);
      expect(refused.headers["content-type"]).toContain("application/problem+json");
      expect(refused.headers["www-authenticate"]).toBe('Bearer realm="metrics"');
      expect(refused.body).not.toContain("process_resident_memory_bytes");
    }
  });

  it("serves no metrics on the main listener without a token, and on a listener of their own", async () => {
    const open = await createTestApp({ METRICS_TOKEN: "" });
    try {
      const res = await open.inject("/metrics");
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const own = await listenForMetrics(open.metrics, "127.0.0.1", 0);
      try {
        const scraped = await fetch(own.url);
        expect(scraped.status).toBe(200);
        expect(await scraped.text()).toContain("http_request_duration_seconds");
        const other = await fetch(own.url.replace("/metrics", "/api/health"));
        expect(other.status).toBe(404);
        expect(other.headers.get("content-type")).toContain("application/problem+json");
      } finally {
        await own.close();
      }
    } finally {
      await open.close();
    }
  });

  it("compares the bearer token as a whole", () => {
    expect(bearerMatches(`Bearer ${TEST_METRICS_TOKEN}`, TEST_METRICS_TOKEN)).toBe(true);
    expect(bearerMatches(`bearer  ${TEST_METRICS_TOKEN} `, TEST_METRICS_TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer ${TEST_METRICS_TOKEN.slice(0, -1)}`, TEST_METRICS_TOKEN)).toBe(false);
    expect(bearerMatches(undefined, TEST_METRICS_TOKEN)).toBe(false);
    expect(bearerMatches("Bearer ", TEST_METRICS_TOKEN)).toBe(false);
  });

  it("publishes OpenAPI 3.1 generated from the zod schemas, and a reference UI", async () => {
    const doc = (await app.inject("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    const roles = doc.paths["/api/v1/me/roles"].post;
    expect(roles.requestBody.content["application/json"].schema.properties.role.enum).toEqual([
      "client",
      "assistant",
    ]);
    expect(doc.paths["/api/v1/me"].get.responses["200"]).toBeDefined();
    const signUp = doc.paths["/api/auth/sign-up/email"].post.requestBody.content["application/json"].schema;
    expect(signUp.properties.role.enum).toEqual(["client", "assistant"]);
    expect(signUp.additionalProperties).toBe(false);
    const ui = await app.inject("/api/docs/");
    expect(ui.statusCode).toBe(200);
    expect(ui.headers["content-type"]).toContain("text/html");
  });

  it("sets a strict content security policy without inline scripts on pages, and allows nothing on JSON", async () => {
    for (const url of ["/", "/jobs", "/api/docs/"]) {
      const page = (await app.inject(url)).headers;
      const csp = page["content-security-policy"] as string;
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, url).toContain("object-src 'none'");
      expect(page["x-frame-options"], url).toBe("SAMEORIGIN");
    }
    for (const url of ["/api/health", "/api/v1/me", "/api/v1/nothing-here", "/api/auth/get-session"]) {
      const json = (await app.inject(url)).headers;
      expect(json["content-security-policy"], url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(json["x-content-type-options"], url).toBe("nosniff");
      expect(json["x-frame-options"], url).toBe("DENY");
    }
  });

  it("rate-limits API requests per client address", async () => {
    const limited = await createTestApp({ RATE_LIMIT_PER_MINUTE: "5" });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await limited.inject({
          url: "/api/v1/me",
          remoteAddress: "198.51.100.1",
          headers: { "x-forwarded-for": `10.1.1.${i}` },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 5).every((c) => c === 401)).toBe(true);
      expect(codes.slice(5)).toEqual([429, 429]);
      const last = await limited.inject({ url: "/api/v1/me", remoteAddress: "198.51.100.1" });
      expect(last.headers["content-type"]).toContain("application/problem+json");
      expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
      // Probes stay reachable for load balancers.
      expect((await limited.inject({ url: "/api/health", remoteAddress: "198.51.100.1" })).statusCode).toBe(
        200,
      );
    } finally {
      await limited.close();
    }
  });

  it("serves the dev mail viewer outside production only", async () => {
    expect((await app.inject("/dev/mail")).statusCode).toBe(200);
    const prod = await createTestApp({ NODE_ENV: "production", SMTP_URL: "smtp://127.0.0.1:2525" });
    try {
      expect((await prod.inject("/dev/mail")).statusCode).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
