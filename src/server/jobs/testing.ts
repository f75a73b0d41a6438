import pino from "pino";

/** A logger that keeps its lines, to check what a refused job said. */
export function capturedLog() {
  const lines: { level: number; msg: string; job?: string }[] = [];
  const log = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}
