/** The longest file name kept, in code points; most file systems allow 255 bytes. */
export const MAX_FILE_NAME = 200;
/** An extension longer than this is part of the name (e.g. "notes.from-the-meeting-with-anna"). */
const MAX_EXTENSION = 16;

// Invisible and control characters: format characters (Cf: bidi overrides and isolates U+202A–202E
// and U+2066–2069, zero-width spaces and joiners, the BOM, soft hyphens, tag characters), controls
// (Cc), lone surrogates (Cs) and the line and paragraph separators. A right-to-left override makes `invoice\u202Efdp.txt`
// read as "invoicetxt.pdf"; the others hide characters or split what the reader sees.
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/gu;
// Characters Windows refuses in names, and the quote that would end a quoted header parameter.
const RESERVED = /["*:<>?|]/g;

/**
 * The name an uploaded file is stored and offered under: its last path segment, NFC normalized,
 * without invisible or control characters, without leading dots (no hidden files, no `..`) or
 * trailing dots and spaces, and at most MAX_FILE_NAME code points with its extension kept.
 * Whatever the browser sent, the result is a plain, visible name; "file" when nothing is left.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const visible = base
    .replace(INVISIBLE, "")
    .normalize("NFC")
    .replace(RESERVED, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+/, "");
  return bounded(visible).replace(/[\s.]+$/, "") || "file";
}

function bounded(name: string): string {
  const chars = [...name];
  if (chars.length <= MAX_FILE_NAME) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  const kept = extension.length <= MAX_EXTENSION ? extension : [];
  return (
    chars
      .slice(0, MAX_FILE_NAME - kept.length)
      .join("")
      .trimEnd() + kept.join("")
  );
}
