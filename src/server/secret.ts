import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "./config.ts";

/**
 * The signing secret for sessions. Production must set AUTH_SECRET (config refuses to start
 * otherwise); a laptop gets one generated once and kept in the data directory, so sessions
 * survive restarts without any setup.
 */
export function authSecret(config: Config): string {
  if (config.authSecret) return config.authSecret;
  const path = join(config.dataDir, "auth-secret");
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
