import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../testing/app.ts";

// Refusals that happen before a route runs (the router's, Node's HTTP parser's, Better Auth's own)
// leave as RFC 9457 problems like every other error. Over a real socket: the parser's refusals
// never reach app.inject.

type App = Awaited<ReturnType<typeof createTestApp>>;
let app: App;
let base: string;

beforeAll(async () => {
  app = await createTestApp();
  base = await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => app.close());

const PROBLEM = "application/problem+json; charset=utf-8";

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe(PROBLEM);
  const body = (await res.json()) as { status: number; type: string; title: string };
  expect(body).toMatchObject({
    status,
    type: expect.stringMatching(/^https:\/\//),
    title: expect.any(String),
  });
  return body;
}

describe("errors before routing are problem+json", () => {
  it("a path that does not percent-decode", async () => {
    const body = await expectProblem(await fetch(`${base}/api/v1/samples/%ZZ`), 400);
    expect(body).toMatchObject({ code: "bad_request", reason: "request.bad_url" });
  });

  it("a path parameter over 100 characters", async () => {
    const body = await expectProblem(await fetch(`${base}/api/v1/samples/${"a".repeat(101)}`), 414);
    expect(body).toMatchObject({ code: "uri_too_long", reason: "request.parameter_too_long" });
  });

  it("a 20 kB query string", async () => {
    const body = await expectProblem(await fetch(`${base}/api/v1/job-board?q=${"x".repeat(20_000)}`), 431);
    expect(body).toMatchObject({ code: "headers_too_large" });
  });

  it("a request that is not HTTP", async () => {
    const { connect } = await import("node:net");
    const url = new URL(base);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.write("NOT HTTP AT ALL\r\n\r\n"));
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk;
      });
      socket.on("close", () => resolve(text));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain(`Content-Type: ${PROBLEM}`);
    expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toMatchObject({ status: 400 });
  });

  it("an unknown Better Auth route", async () => {
    await expectProblem(await fetch(`${base}/api/auth/no-such-endpoint`), 404);
  });
});
