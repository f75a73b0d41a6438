// Bundles the server into dist/server/main.js for `npm start`. Running the TypeScript sources
// directly works (npm run dev, tests), but resolving the several hundred modules of the
// dependencies on every start costs seconds; one bundled file starts in a fraction of that.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

await build({
  // The calendar reader's worker thread is a second entry: Piscina loads it by file name, from
  // beside main.js (features/calendar/ics-pool.ts).
  entryPoints: {
    main: "src/server/main.ts",
    "ics-worker": "src/features/calendar/ics-worker.ts",
    // The embedded database's thread, started by file name from beside main.js (db/pglite-threaded.ts).
    "pglite-thread": "src/server/db/pglite-thread.ts",
  },
  outdir: "dist/server",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  sourcemap: true,
  // Without comments and indentation the bundle is a third smaller: less to read and scan at each
  // start, and V8 keeps a module's whole source in memory. Stack traces point into the long lines;
  // main.js.map beside it maps them back (node --enable-source-maps).
  minifyWhitespace: true,
  logLevel: "warning",
  // Packages that read files next to their own code at run time stay in node_modules.
  // undici is imported on demand (calendar subscriptions): outside the bundle it costs nothing until then.
  // Piscina starts its threads from its own worker file, found next to its code.
  external: [
    "piscina",
    "@electric-sql/pglite",
    "@fastify/swagger-ui",
    "pino",
    "thread-stream",
    "pg-native",
    "sharp",
    "undici",
  ],
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});

// V8 holds a source with any character above Latin-1 as two-byte text: twice the memory. esbuild
// escapes strings, not regular expression literals; write those characters as \u escapes.
const wide = [...readFileSync("dist/server/main.js", "utf8")].filter((c) => (c.codePointAt(0) ?? 0) > 0xff);
if (wide.length)
  console.warn(
    `dist/server/main.js holds ${wide.length} character(s) above Latin-1 (${[...new Set(wide)].join(" ")}): it costs twice its size in memory`,
  );

// The new, migrated embedded database a first start copies instead of creating its own
// (src/server/db/template.ts).
const { openPglite } = await import("../src/server/db/client.ts");
const { migrate } = await import("../src/server/db/migrate.ts");
const { writeTemplate } = await import("../src/server/db/template.ts");
await writeTemplate(async (dataDir) => {
  const database = await openPglite(dataDir);
  await migrate(database);
  await database.close();
});
