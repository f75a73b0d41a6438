// The command `npm start` runs, read from package.json, so the browser tests and the benches
// start the very process a user runs — with its node flags (see decision 0006).
import { readFileSync } from "node:fs";

export function startCommand(): string {
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as {
    scripts: { start: string };
  };
  return scripts.start;
}

/** The arguments after `node` in `npm start`. */
export function startArguments(): string[] {
  const [command, ...args] = startCommand().split(/\s+/);
  if (command !== "node") throw new Error(`npm start runs ${command}, not node`);
  return args;
}
