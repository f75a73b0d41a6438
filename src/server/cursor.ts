import { AppError } from "./errors.ts";

// Keyset pagination: a cursor is the (timestamp, id) of the last row seen, opaque to clients.
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (!id || Number.isNaN(at.getTime())) {
    throw new AppError("validation_failed", {
      errors: [{ field: "cursor", code: "cursor_invalid", message: "Invalid cursor" }],
    });
  }
  return { at, id };
}
