import { readFileSync } from "node:fs";
import { COMMON_PASSWORDS_FILE } from "../paths.ts";

// The 44k most common passwords of 12 or more characters (lower-cased) from the public SecLists
// top-1M list, plus a few German ones. Shorter ones need no list: the length rule refuses them.
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(COMMON_PASSWORDS_FILE, "utf8")
      .split("\n")
      .filter((line) => line.length > 0),
  );
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}
