import type { FastifyInstance } from "fastify";
import sharp from "sharp";
import type { Browser } from "./http.ts";

export interface TestFile {
  name: string;
  bytes: Buffer;
  type?: string;
}

// A minimal valid PDF: what file-type (and a browser) recognise by its header.
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

export const png = (width = 800, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: "#3366aa" } })
    .png()
    .toBuffer();

/** A multipart/form-data body as a browser sends it: text fields, then at most one file part `file`. */
export function multipart(fields: Record<string, string>, file?: TestFile) {
  const boundary = `----assista${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sends a multipart upload with the browser's cookies and address. */
export function sendUpload(
  app: FastifyInstance,
  browser: Browser,
  request: { method: "POST" | "PUT"; url: string; fields?: Record<string, string>; file?: TestFile },
) {
  const body = multipart(request.fields ?? {}, request.file);
  return app.inject({
    method: request.method,
    url: request.url,
    remoteAddress: browser.ip,
    headers: {
      "content-type": body.contentType,
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    },
    payload: body.payload,
  });
}
