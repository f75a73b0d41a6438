import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXCEPTIONS_FILE, type Exceptions, featureGraph, problems } from "./check-features.ts";

function tree(files: Record<string, string>) {
  const base = mkdtempSync(join(tmpdir(), "assista-features-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(base, path, ".."), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return base;
}

const none: Exceptions = { tableImports: [], cycles: [], cycleEdges: [] };

describe("features own their tables and form no cycles", () => {
  it("finds another feature's tables imported, and a cycle between features", () => {
    const base = tree({
      "src/features/jobs/service.ts":
        'import { bid } from "../bids/tables.ts";\nimport { z } from "../common/schema.ts";',
      "src/features/bids/service.ts": 'import { open } from "../jobs/service.ts";',
      "src/features/bids/tables.ts": "export const bid = 1;",
      "src/features/common/schema.ts": 'import { x } from "../jobs/schema.ts";',
      "src/features/jobs/schema.ts": "export const x = 1;",
    });
    const graph = featureGraph(base);
    expect(graph).toEqual({
      tableImports: ["jobs/service.ts -> bids"],
      cycles: ["bids,jobs"],
      cycleEdges: ["bids -> jobs", "jobs -> bids"],
    });
    expect(problems(graph, none)).toHaveLength(4);
    expect(problems(graph, graph)).toEqual([]);
  });

  it("lets a tables.ts name another feature's table for a foreign key, and only for that", () => {
    const base = tree({
      "src/features/jobs/tables.ts": "export const job = 1;",
      "src/features/bids/tables.ts": [
        'import { job } from "../jobs/tables.ts";',
        "// One bid per job.",
        "export const bid = { jobId: uuid().references(() => job.id, { onDelete: 'cascade' }) };",
      ].join("\n"),
      "src/features/offers/tables.ts": [
        'import { job } from "../jobs/tables.ts";',
        "export const offer = { jobId: uuid().references(() => job.id) };",
        "export const openJobs = select().from(job).where(eq(job.status, 'open'));",
      ].join("\n"),
    });
    const graph = featureGraph(base);
    expect(graph.tableImports).toEqual(["offers/tables.ts -> jobs"]);
    // The foreign key is still a dependency: a second one back would be a cycle.
    const back = tree({
      "src/features/jobs/tables.ts":
        'import { bid } from "../bids/tables.ts";\nexport const job = { bidId: uuid().references(() => bid.id) };',
      "src/features/bids/tables.ts":
        'import { job } from "../jobs/tables.ts";\nexport const bid = { jobId: uuid().references(() => job.id) };',
    });
    expect(featureGraph(back)).toEqual({
      tableImports: [],
      cycles: ["bids,jobs"],
      cycleEdges: ["bids -> jobs", "jobs -> bids"],
    });
  });

  it("lets the list only shrink: a listed exception that is gone fails too", () => {
    const base = tree({ "src/features/jobs/service.ts": "export const a = 1;" });
    expect(problems(featureGraph(base), { ...none, tableImports: ["jobs/service.ts -> bids"] })).toEqual([
      "gone, remove from the list: cross-feature table import jobs/service.ts -> bids",
    ]);
  });

  it("holds for the code as it is, against today's list", () => {
    const listed = JSON.parse(readFileSync(EXCEPTIONS_FILE, "utf8")) as Exceptions;
    expect(problems(featureGraph(), listed)).toEqual([]);
  });
});
