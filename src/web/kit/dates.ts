// <input type="datetime-local"> speaks the browser's wall-clock time without a zone; the API wants instants.

/** "2026-12-01T18:00" (local) → ISO instant, or "" when empty or invalid (the schema then says datetime_invalid). */
export function localToInstant(local: string): string {
  if (!local) return "";
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

/** An ISO instant → the browser-local value a datetime-local input shows. */
export function instantToLocal(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Today as an ISO calendar date, in the browser's zone. */
export function today(): string {
  return instantToLocal(new Date().toISOString()).slice(0, 10);
}
