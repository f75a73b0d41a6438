import { MAX_SAMPLE_BYTES, SAMPLE_TYPES, type Sample } from "../schema.ts";

const extensionOf = (name: string) => (name.includes(".") ? (name.toLowerCase().split(".").pop() ?? "") : "");

const EXTENSIONS: readonly string[] = Object.values(SAMPLE_TYPES).flat();

/** For the file chooser: the types by extension and by MIME type, so every platform's dialog filters. */
export const SAMPLE_ACCEPT = [...EXTENSIONS.map((ext) => `.${ext}`), ...Object.keys(SAMPLE_TYPES)].join(",");

/**
 * What is wrong with a chosen file before it is sent, as a field-error code, or null. Only what the
 * browser can know: the server still checks the type by content.
 */
export function fileProblem(file: File | null | undefined): string | null {
  if (!file || file.size === 0) return "file_required";
  if (file.size > MAX_SAMPLE_BYTES) return "file_too_large";
  if (!EXTENSIONS.includes(extensionOf(file.name))) return "file_type_not_allowed";
  return null;
}

/** Sizes the way the limit is written (20 MB = 20 × 1024 × 1024 bytes), in the interface language. */
export function formatBytes(bytes: number, locale: string): string {
  const kib = bytes / 1024;
  if (kib < 1024) {
    return new Intl.NumberFormat(locale, {
      style: "unit",
      unit: "kilobyte",
      maximumFractionDigits: 0,
    }).format(Math.max(1, Math.round(kib)));
  }
  return new Intl.NumberFormat(locale, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(
    kib / 1024,
  );
}

/** A short type label for a file sample ("PDF", "DOCX"), from the type the server detected. */
export function fileTypeLabel(sample: Pick<Sample, "contentType" | "fileName">): string {
  const known = (SAMPLE_TYPES as Record<string, readonly string[]>)[sample.contentType ?? ""];
  return (known?.[0] ?? extensionOf(sample.fileName ?? "")).toUpperCase();
}

/** PDFs and images open in the browser; the other types download. */
export const opensInline = (sample: Pick<Sample, "kind" | "contentType">) =>
  sample.kind === "link" || /^(application\/pdf|image\/)/.test(sample.contentType ?? "");
