import { describe, expect, it } from "vitest";
import { z } from "zod";
import { pageSchema } from "../../features/common/schema.ts";
import { responseSerializer } from "./serializer.ts";

const item = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(["open", "closed"]),
  publishedAt: z.iso.datetime().nullable(),
  tags: z.array(z.string()),
  bidCount: z.number().int().optional(),
  owner: z.object({ name: z.string(), photo: z.string().nullable() }),
});
const route = (schema: unknown) => ({ schema, method: "GET", url: "/test", httpStatus: "200" }) as never;
const page = {
  items: [
    {
      id: "0b7c2f4e-3a1d-4c5e-9f10-2a3b4c5d6e7f",
      title: "Buchhaltung „Q4“ & <Belege>",
      status: "open",
      publishedAt: null,
      tags: ["bookkeeping"],
      owner: { name: "Thomas", photo: null },
      // Not in the schema: must not reach the client.
      clientEmail: "thomas@example.com",
    },
  ],
  nextCursor: null,
};

describe("response serialization", () => {
  it("writes what the zod schema allows, as zod would, without its second pass", () => {
    const fast = responseSerializer(false)(route(pageSchema(item)));
    const checked = responseSerializer(true)(route(pageSchema(item)));
    const written = JSON.parse(fast(page) as string);
    expect(written).toEqual(JSON.parse(checked(page) as string));
    expect(written.items[0]).not.toHaveProperty("clientEmail");
    expect(written.items[0].title).toBe("Buchhaltung „Q4“ & <Belege>");
    // Compiled, not checked: a value of the wrong type is not zod's refusal here.
    expect(() => fast({ ...page, items: [{ ...page.items[0], status: "gone" }] })).not.toThrow();
  });

  it("in the tests, an answer the schema refuses still fails", () => {
    const checked = responseSerializer(true)(route(pageSchema(item)));
    expect(() => checked({ ...page, items: [{ ...page.items[0], status: "gone" }] })).toThrow();
  });

  it("keeps zod for a schema JSON Schema cannot express", () => {
    const odd = z.object({ at: z.date() });
    const serialize = responseSerializer(false)(route(odd));
    expect(() => serialize({ at: "not a date" })).toThrow();
  });
});
