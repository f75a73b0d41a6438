/**
 * Drizzle builds a query's SQL text anew on every call, and for a plain select by key that costs
 * more CPU than the round trip to the database (measured on PostgreSQL: ~200–300 µs a call built,
 * ~85–100 µs prepared; docs/decisions/0023-prepared-hot-reads.md). The hot reads are therefore built once and run
 * with new values through Drizzle's prepared queries. A query whose optional filters change its
 * text gets one prepared query per combination of filters in use (`byShape`).
 *
 * On PostgreSQL the name also has node-postgres prepare the statement once per pooled connection,
 * so the server skips parsing and planning as well. Names must be unique per SQL text: the shape
 * is part of the name.
 */
export function byShape<Query>(build: (shape: string) => Query) {
  const built = new Map<string, Query>();
  return (shape: string): Query => {
    let query = built.get(shape);
    if (!query) {
      query = build(shape);
      built.set(shape, query);
    }
    return query;
  };
}

/**
 * The letters of the filters that are present, in a fixed order: the shape key of a query. An
 * empty text is no filter (a form sends `cursor=` for a first page); zero is a value.
 */
export function shapeOf(filters: Record<string, unknown>): string {
  return Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([letter]) => letter)
    .join("");
}
