// Part of `npm run lint`: a feature's tables are read and written only by that feature (others
// call the owner's functions), and features do not depend on each other in cycles. Today's
// exceptions are listed in feature-exceptions.json; the list may only shrink: a new exception
// fails, and so does one that is gone but still listed.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { files, IMPORT } from "./check-imports.ts";

const root = resolve(import.meta.dirname, "..");
/** Shared contracts every feature may use; they are not domains. */
const SHARED = new Set(["common", "problems"]);

export interface FeatureGraph {
  /** "jobs/service.ts -> bids" for each import of another feature's tables.ts. */
  tableImports: string[];
  /** Each cycle between features, as its members sorted ("bids,jobs"). */
  cycles: string[];
  /** Each dependency that lies on a cycle ("bids -> jobs"): a new one deepens a cycle. */
  cycleEdges: string[];
}

/**
 * Whether an import of another feature's tables.ts is a foreign key and nothing more: the importer
 * is a tables.ts and each name it imports appears only as the target of `.references(() => name.…)`.
 * A foreign key states that a row points at another feature's row; it reads and writes nothing,
 * so it is the schema's business, not a feature reaching into another's rows (decision 0021). It
 * still counts as a dependency between the features for the cycle check.
 */
function onlyForeignKeys(file: string, source: string, statement: string): boolean {
  if (!file.endsWith("/tables.ts")) return false;
  const names =
    /\{([^}]*)\}/
      .exec(statement)?.[1]
      ?.split(",")
      .map((n) => n.trim()) ?? [];
  if (!names.length || names.some((n) => !/^[A-Za-z_$][\w$]*$/.test(n))) return false;
  // Comments may name a table in prose ("per user."); only code counts.
  const rest = source
    .replace(statement, "")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");
  return names.every((name) => {
    const uses = rest.match(new RegExp(`\\b${name}\\b(?=\\.)`, "g"))?.length ?? 0;
    const references =
      rest.match(new RegExp(`references\\(\\s*\\(\\)\\s*=>\\s*${name}\\.`, "g"))?.length ?? 0;
    return uses === references;
  });
}

function featureOf(base: string, path: string): string | undefined {
  return /^src\/features\/([^/]+)\//.exec(relative(base, path))?.[1];
}

export function featureGraph(base = root): FeatureGraph {
  const featuresDir = join(base, "src/features");
  const features = readdirSync(featuresDir).filter((f) => statSync(join(featuresDir, f)).isDirectory());
  const edges = new Map<string, Set<string>>(features.map((f) => [f, new Set()]));
  const tableImports = new Set<string>();
  for (const feature of features) {
    for (const file of files(join(featuresDir, feature))) {
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? "";
        if (!spec.startsWith(".")) continue;
        const target = resolve(dirname(file), spec);
        const other = featureOf(base, target);
        if (!other || other === feature || SHARED.has(other)) continue;
        edges.get(feature)?.add(other);
        if (/\/tables(\.ts)?$/.test(target) && !onlyForeignKeys(file, source, m[0])) {
          tableImports.add(`${relative(featuresDir, file)} -> ${other}`);
        }
      }
    }
  }
  const cycles = cyclesOf(edges);
  const together = (a: string, b: string) =>
    cycles.some((c) => c.split(",").includes(a) && c.split(",").includes(b));
  const cycleEdges = [...edges].flatMap(([from, tos]) =>
    [...tos].filter((to) => together(from, to)).map((to) => `${from} -> ${to}`),
  );
  return { tableImports: [...tableImports].sort(), cycles, cycleEdges: cycleEdges.sort() };
}

/** The strongly connected components of more than one feature (Tarjan), each as sorted names. */
function cyclesOf(edges: Map<string, Set<string>>): string[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort().join(","));
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found.sort();
}

export type Exceptions = FeatureGraph;

/** What fails the check: exceptions that are new, and listed ones that no longer exist. */
export function problems(graph: FeatureGraph, allowed: Exceptions): string[] {
  const out: string[] = [];
  const compare = (kind: string, now: string[], listed: string[]) => {
    for (const item of now) if (!listed.includes(item)) out.push(`new ${kind}: ${item}`);
    for (const item of listed)
      if (!now.includes(item)) out.push(`gone, remove from the list: ${kind} ${item}`);
  };
  compare("cross-feature table import", graph.tableImports, allowed.tableImports);
  compare("feature cycle", graph.cycles, allowed.cycles);
  compare("dependency on a cycle", graph.cycleEdges, allowed.cycleEdges);
  return out;
}

export const EXCEPTIONS_FILE = join(root, "scripts/feature-exceptions.json");

if (import.meta.main) {
  const graph = featureGraph();
  if (process.argv.includes("--write")) {
    writeFileSync(EXCEPTIONS_FILE, `${JSON.stringify(graph, null, 2)}\n`);
    // In the layout `npm run lint` expects (biome puts a short list on one line).
    execFileSync(join(root, "node_modules/.bin/biome"), ["format", "--write", EXCEPTIONS_FILE], {
      stdio: "ignore",
    });
    console.log(
      `${graph.tableImports.length} table imports, ${graph.cycles.length} cycles (${graph.cycleEdges.length} dependencies on them) written`,
    );
  } else {
    const found = problems(graph, JSON.parse(readFileSync(EXCEPTIONS_FILE, "utf8")) as Exceptions);
    if (found.length) {
      console.error(
        `Features own their tables and depend on each other without cycles:\n${found.map((f) => `  ${f}`).join("\n")}`,
      );
      process.exit(1);
    }
  }
}
