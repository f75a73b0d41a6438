import type { Locator, Page } from "@playwright/test";

export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The smallest PDF a viewer opens: one empty page, with a correct cross-reference table. */
function minimalPdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

export const pdfFile = (name: string): TestFile => ({
  name,
  mimeType: "application/pdf",
  buffer: minimalPdf(),
});

/** A 4×4 PNG (made with sharp), enough for the server to render a thumbnail. */
export const pngFile = (name: string): TestFile => ({
  name,
  mimeType: "image/png",
  buffer: Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEElEQVQImWOQizoBRwzEcQD9oxQBNt2DPAAAAABJRU5ErkJggg==",
    "base64",
  ),
});

/** Bytes that are no allowed type at all (binary, no known signature), under an allowed name. */
export const junkFile = (name: string): TestFile => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from([0x00, 0x13, 0x37, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01]),
});

/** Picks a file through the chooser a button opens, as a user does (the input itself is hidden). */
export async function chooseFile(page: Page, button: Locator, file: TestFile): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await button.click();
  await (await chooser).setFiles(file);
}
