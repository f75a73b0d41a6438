import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanFileName, MAX_FILE_NAME } from "./file-name.ts";

describe("cleanFileName", () => {
  it("removes bidi overrides and isolates, so a name cannot pose as another type", () => {
    expect(cleanFileName("invoice\u202Efdp.txt")).toBe("invoicefdp.txt");
    expect(cleanFileName("report\u2067fdp.exe\u2069.pdf")).toBe("reportfdp.exe.pdf");
    for (const c of [
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u2066",
      "\u2068",
      "\u200E",
      "\u200F",
      "\u061C",
    ]) {
      expect(cleanFileName(`a${c}b.pdf`), `U+${c.codePointAt(0)?.toString(16)}`).toBe("ab.pdf");
    }
  });

  it("removes zero-width characters, the BOM, soft hyphens, tag characters and controls", () => {
    expect(cleanFileName("pay\u200Bpal\u200C\u200D.pdf")).toBe("paypal.pdf");
    expect(cleanFileName("\uFEFFnotes\u00AD.txt")).toBe("notes.txt");
    expect(cleanFileName("cv\u{E0041}\u{E0042}.pdf")).toBe("cv.pdf");
    expect(cleanFileName("a\u0000b\u0007c\u001b[31m\u007f\u0085.txt")).toBe("abc[31m.txt");
    expect(cleanFileName("line\u2028break\u2029.txt")).toBe("linebreak.txt");
    expect(cleanFileName("lone\uD800.txt")).toBe("lone.txt");
  });

  it("keeps only the last path segment and never a dot name", () => {
    expect(cleanFileName("C:\\fakepath\\Lebenslauf.pdf")).toBe("Lebenslauf.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("..")).toBe("file");
    expect(cleanFileName("..\\..")).toBe("file");
    expect(cleanFileName(".htaccess")).toBe("htaccess");
    expect(cleanFileName("notes.txt. . ")).toBe("notes.txt");
    expect(cleanFileName("\u202E")).toBe("file");
  });

  it("normalizes to NFC and replaces characters Windows refuses", () => {
    expect(cleanFileName("Pru\u0308fung.pdf")).toBe("Prüfung.pdf");
    expect(cleanFileName('say "hi" <now>?.txt')).toBe("say _hi_ _now__.txt");
    expect(cleanFileName("tab\there  and\u00A0there.txt")).toBe("tabhere and there.txt");
  });

  it("bounds the length in code points and keeps the extension", () => {
    const long = `${"ä".repeat(300)}.pdf`;
    const cleaned = cleanFileName(long);
    expect([...cleaned]).toHaveLength(MAX_FILE_NAME);
    expect(cleaned.endsWith("ä.pdf")).toBe(true);
    // No half of a surrogate pair is left behind.
    const emoji = cleanFileName(`${"😀".repeat(250)}.png`);
    expect([...emoji]).toHaveLength(MAX_FILE_NAME);
    expect(emoji.endsWith("😀.png")).toBe(true);
    expect(emoji.isWellFormed()).toBe(true);
    // Something after the last dot that is no extension is cut like the rest.
    expect([...cleanFileName(`a.${"b".repeat(300)}`)]).toHaveLength(MAX_FILE_NAME);
    // A cut that ends in dots or spaces loses them, as a short name would.
    expect(cleanFileName(`${"a".repeat(MAX_FILE_NAME - 2)}. ${"b".repeat(50)}`)).toBe(
      "a".repeat(MAX_FILE_NAME - 2),
    );
  });

  it("always leaves a visible, bounded, single-segment name", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constantFrom(".", " ", "/", "\u202E", "\uD800"),
            fc.string({ unit: "binary", maxLength: 1 }),
          ),
          maxLength: 400,
        }),
        (raw) => {
          const cleaned = cleanFileName(raw);
          expect(cleaned.length).toBeGreaterThan(0);
          expect([...cleaned].length).toBeLessThanOrEqual(MAX_FILE_NAME);
          expect(cleaned).not.toMatch(/[\p{Cf}\p{Cc}\\/"]/u);
          expect(cleaned).not.toMatch(/^\./);
          expect(cleaned.isWellFormed()).toBe(true);
          expect(cleanFileName(cleaned)).toBe(cleaned);
        },
      ),
    );
  });
});
