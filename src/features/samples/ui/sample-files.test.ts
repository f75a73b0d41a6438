import { describe, expect, it } from "vitest";
import { MAX_SAMPLE_BYTES } from "../schema.ts";
import { fileProblem, fileTypeLabel, formatBytes, opensInline } from "./sample-files.ts";

const fileOf = (name: string, size: number) => new File([new Uint8Array(size)], name);

describe("work sample files in the browser", () => {
  it("refuses before sending what the server would refuse by size or name", () => {
    expect(fileProblem(null)).toBe("file_required");
    expect(fileProblem(fileOf("empty.pdf", 0))).toBe("file_required");
    expect(fileProblem(fileOf("big.pdf", MAX_SAMPLE_BYTES + 1))).toBe("file_too_large");
    expect(fileProblem(fileOf("setup.exe", 10))).toBe("file_type_not_allowed");
    expect(fileProblem(fileOf("README", 10))).toBe("file_type_not_allowed");
  });

  it("lets allowed types through, whatever the case of the extension", () => {
    for (const name of ["a.pdf", "b.PNG", "c.jpeg", "d.webp", "e.docx", "f.xlsx", "g.csv", "h.txt"]) {
      expect(fileProblem(fileOf(name, 10)), name).toBeNull();
    }
    expect(fileProblem(fileOf("exact.pdf", MAX_SAMPLE_BYTES))).toBeNull();
  });

  it("writes sizes in the interface language", () => {
    expect(formatBytes(200, "de")).toBe("1 kB");
    expect(formatBytes(1536 * 1024, "de")).toBe("1,5 MB");
    expect(formatBytes(1536 * 1024, "en")).toBe("1.5 MB");
    expect(formatBytes(MAX_SAMPLE_BYTES, "en")).toBe("20 MB");
  });

  it("labels a file by its detected type, and knows which open inline", () => {
    expect(fileTypeLabel({ contentType: "image/jpeg", fileName: "x.jpeg" })).toBe("JPG");
    expect(fileTypeLabel({ contentType: null, fileName: "notes.txt" })).toBe("TXT");
    expect(opensInline({ kind: "file", contentType: "application/pdf" })).toBe(true);
    expect(opensInline({ kind: "file", contentType: "text/csv" })).toBe(false);
  });
});
