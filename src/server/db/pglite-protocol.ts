// The messages between the app and the embedded database's thread (pglite-thread.ts,
// pglite-threaded.ts). Values cross by structured clone: rows, Dates, Uint8Arrays and BigInts
// arrive as they left; an error arrives as its PostgreSQL fields (code, detail, constraint …).

export type Request =
  | {
      id: number;
      op: "query";
      tx?: number;
      text: string;
      params?: unknown[];
      rowMode?: "array" | "object";
      raw?: number[];
    }
  | { id: number; op: "exec"; tx?: number; text: string }
  | { id: number; op: "begin" }
  | { id: number; op: "end"; tx: number; commit: boolean }
  | { id: number; op: "close" };

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorFields };

/** What of a PostgreSQL error the app reads (the unique-violation code, the constraint, …). */
export interface ErrorFields {
  message: string;
  [field: string]: unknown;
}

const FIELDS = [
  "name",
  "code",
  "severity",
  "detail",
  "hint",
  "position",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "routine",
] as const;

export function errorFields(error: unknown): ErrorFields {
  if (!(error instanceof Error)) return { message: String(error) };
  const out: ErrorFields = { message: error.message };
  for (const field of FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (value !== undefined) out[field] = value;
  }
  return out;
}

export function errorFrom(fields: ErrorFields): Error {
  return Object.assign(new Error(fields.message), fields);
}
