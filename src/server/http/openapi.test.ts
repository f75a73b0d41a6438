import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import openapiTS from "openapi-typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../testing/app.ts";
import { deriveOperationId } from "./openapi.ts";

type Operation = { operationId?: string; security?: Record<string, string[]>[] };
type Doc = { paths: Record<string, Record<string, Operation>> };

let app: Awaited<ReturnType<typeof createTestApp>>;
let source: string;
let doc: Doc;
beforeAll(async () => {
  app = await createTestApp();
  source = (await app.inject("/api/openapi.json")).body;
  doc = JSON.parse(source);
});
afterAll(() => app.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );

describe("the OpenAPI document", () => {
  it("passes Redocly's recommended rules without an error", async () => {
    const problems = await lintFromString({
      source,
      absoluteRef: "openapi.json",
      config: await createConfig({ extends: ["recommended"] }),
    });
    const errors = problems
      .filter((p) => p.severity === "error")
      .map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
  });

  it("names every operation once", () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.length).toBeGreaterThan(80);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
  });

  it("derives readable names from method and path; a route's own operationId wins", () => {
    expect(deriveOperationId("GET", "/api/v1/jobs")).toBe("listJobs");
    expect(deriveOperationId("GET", "/api/v1/jobs/:id")).toBe("getJob");
    expect(deriveOperationId("POST", "/api/v1/jobs/:id/bids")).toBe("createJobBid");
    expect(deriveOperationId("POST", "/api/v1/samples/links")).toBe("createSampleLink");
    expect(deriveOperationId("POST", "/api/v1/contracts/:id/pause")).toBe("pauseContract");
    expect(deriveOperationId("PUT", "/api/v1/me/availability")).toBe("setMyAvailability");
    expect(deriveOperationId("DELETE", "/api/v1/contracts/:contractId/events/:eventId")).toBe(
      "deleteContractEvent",
    );
    expect(deriveOperationId("GET", "/api/v1/me")).toBe("getMe");
    expect(doc.paths["/api/v1/offers/{id}/response"]?.post?.operationId).toBe("respondToOffer");
  });

  it("declares the security each route's access declaration enforces", async () => {
    const security = (path: string, method = "get") => doc.paths[path]?.[method]?.security;
    expect(security("/api/health")).toEqual([]);
    expect(security("/api/calendar/{token}.ics")).toEqual([]);
    expect(security("/api/v1/assistants/{userId}")).toEqual([]);
    expect(security("/api/v1/job-board")).toEqual([]);
    // A job answers by who asks (a draft only to its owner): the cookie is optional.
    expect(security("/api/v1/jobs/{id}")).toEqual([{}, { session: [] }]);
    expect(security("/api/v1/me")).toEqual([{ session: [] }]);
    expect(security("/api/v1/jobs", "post")).toEqual([{ session: [] }]);
    expect(security("/api/auth/sign-in/email", "post")).toEqual([]);
    expect(security("/api/auth/change-password", "post")).toEqual([{ session: [] }]);
    // What the document calls open must not ask an anonymous visitor to sign in.
    const open = operations().filter(
      ({ method, op }) =>
        method === "get" && (!op.security?.length || op.security.some((r) => !Object.keys(r).length)),
    );
    expect(open.length).toBeGreaterThan(10);
    for (const { path } of open) {
      const url = path
        .replace("{token}", "t".repeat(32))
        .replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
      expect((await app.inject(url)).statusCode, path).not.toBe(401);
    }
  });

  it("generates a client (openapi-typescript) that type-checks, and refuses a wrong field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assista-openapi-client-"));
    try {
      writeFileSync(join(dir, "api.d.ts"), await openapiTS(JSON.parse(source)));
      writeFileSync(
        join(dir, "client.ts"),
        `import type { operations, paths } from "./api";

type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody: { content: { "application/json": infer B } };
}
  ? B
  : never;
type Ok<O extends keyof operations> = operations[O] extends {
  responses: { 200: { content: { "application/json": infer R } } };
}
  ? R
  : never;

export async function getJob(id: string): Promise<Ok<"getJob">> {
  const res = await fetch(\`/api/v1/jobs/\${encodeURIComponent(id)}\`);
  return (await res.json()) as Ok<"getJob">;
}

const draft: Body<"/api/v1/jobs", "post"> = {
  title: "Weekly bookkeeping",
  description: "Reconcile receipts every Friday",
  categories: ["bookkeeping"],
  pricingModel: "hourly",
  maxRateMinor: 2500,
  expectedVolume: 4,
  startDate: "2027-01-04",
  bidDeadline: "2026-12-20T12:00:00Z",
};
export const title: string = draft.title;
export const pricing: "per_task" | "hourly" = draft.pricingModel;
export async function jobTitle(id: string): Promise<string> {
  return (await getJob(id)).title;
}
// @ts-expect-error a job has no such field: the generated types know the schema
export const wrong = draft.budgetCents;
`,
      );
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: "es2022",
            module: "esnext",
            moduleResolution: "bundler",
            lib: ["es2022", "dom"],
            skipLibCheck: false,
          },
          files: ["client.ts"],
        }),
      );
      const tsc = resolve(import.meta.dirname, "../../../node_modules/.bin/tsc");
      const run = spawnSync(tsc, ["-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
      expect(`${run.stdout}${run.stderr}`).toBe("");
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
