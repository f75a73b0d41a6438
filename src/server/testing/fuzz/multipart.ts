import fc from "fast-check";
import { multipart } from "../upload.ts";
import { hostileStrings } from "./hostile-values.ts";

// Uploads as a broken client or a hostile one sends them: no boundary, a body cut off mid-part,
// file names that pose as other types or climb out of folders, text fields with NUL.

const fileNames = fc.constantFrom(
  "notes.txt",
  "invoice\u202Efdp.txt",
  "../../etc/passwd",
  "a\u0000b.pdf",
  "",
  `${"x".repeat(400)}.png`,
  "calendar.ics",
);
const fileBodies = fc.constantFrom(
  "hello",
  "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
  "\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
  "",
);
const fieldNames = fc.constantFrom("title", "name", "description", "kind", "x");
const fieldValues = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...hostileStrings.slice(0, 16)));

export interface RawBody {
  contentType: string;
  payload: string | Buffer;
}

const whole = fc
  .tuple(
    fc.dictionary(fieldNames, fieldValues, { maxKeys: 3 }),
    fc.option(fc.tuple(fileNames, fileBodies), { freq: 6 }),
  )
  .map(([fields, file]) =>
    multipart(fields, file ? { name: file[0], bytes: Buffer.from(file[1]) } : undefined),
  );

/** A multipart body, whole or broken, with the content type that announces it. */
export const multipartBody: fc.Arbitrary<RawBody> = fc.oneof(
  { weight: 3, arbitrary: whole },
  // No boundary in the content type.
  {
    weight: 1,
    arbitrary: whole.map((body) => ({ contentType: "multipart/form-data", payload: body.payload })),
  },
  // Cut off anywhere.
  {
    weight: 2,
    arbitrary: fc.tuple(whole, fc.double({ min: 0, max: 0.99, noNaN: true })).map(([body, at]) => ({
      contentType: body.contentType,
      payload: body.payload.subarray(0, Math.floor(body.payload.length * at)),
    })),
  },
);
