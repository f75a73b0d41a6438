// Cold start of the built app to /api/ready in embedded mode (target ≤ 3 s) and RSS at idle
// (target ≤ 250 MB). Run `npm run build` first. Usage: node bench/cold-start.ts
import { execFileSync } from "node:child_process";
import { startArguments } from "../scripts/start-command.ts";
import { rssMb, startServer } from "./server-process.ts";

const port = 3301;
const first = await startServer(port, { SEED_DEMO: "false" });
await first.stop();
// The first start creates and migrates the database; a restart is what an operator waits for daily.
const restart = await startServer(port, { DATA_DIR: first.dataDir, SEED_DEMO: "false" });
await new Promise((r) => setTimeout(r, 5_000));
const idle = rssMb(restart.child.pid as number);
await restart.stop();

// The floor under that figure: PGlite alone (no app) on the same data directory, same wait, same
// node flags as `npm start`.
const floorScript = `
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = await PGlite.create({ dataDir: ${JSON.stringify(`${first.dataDir}/pg`)} });
  await pg.query("select count(*) from pg_class");
  await new Promise((r) => setTimeout(r, 5000));
  console.log(Math.round(process.memoryUsage().rss / 1048576));
  await pg.close();`;
const nodeFlags = startArguments().filter((argument) => argument.startsWith("--"));
const floor = execFileSync(process.execPath, [...nodeFlags, "--input-type=module", "-e", floorScript], {
  encoding: "utf8",
}).trim();

console.log(`cold start, new data dir (create + migrate): ${(first.readyMs / 1000).toFixed(2)} s`);
console.log(
  `cold start, existing data dir:              ${(restart.readyMs / 1000).toFixed(2)} s (target ≤ 3 s)`,
);
console.log(`RSS at idle after 5 s:                      ${idle.toFixed(0)} MB (target ≤ 250 MB)`);
console.log(`RSS of PGlite alone on that data dir:       ${floor} MB (the embedded database's floor)`);
