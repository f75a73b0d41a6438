import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import type { Db } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { cleanFileName } from "../../server/http/file-name.ts";
import { imageTools } from "../../server/images.ts";
import type { Storage } from "../../server/storage/storage.ts";
import { canViewSample } from "./policy.ts";
import type { Sample } from "./schema.ts";
import { detectSampleType } from "./sniff.ts";
import { workSample } from "./tables.ts";

type Row = typeof workSample.$inferSelect;
type Fields = { title: string; description: string; category: string; visibility: string };

const toSample = (row: Row): Sample => ({
  id: row.id,
  ownerId: row.ownerId,
  title: row.title,
  description: row.description,
  category: row.category as Sample["category"],
  visibility: row.visibility as Sample["visibility"],
  kind: row.fileKey ? "file" : "link",
  url: row.url,
  fileName: row.fileName,
  contentType: row.contentType,
  sizeBytes: row.sizeBytes,
  hasThumbnail: row.thumbnailKey !== null,
  createdAt: row.createdAt.toISOString(),
});

function requireAssistant(actor: Actor) {
  if (!actor.roles.includes("assistant"))
    throw new AppError("forbidden", { reason: "role.assistant_required" });
}

export function createSamplesService(db: Db, storage: Storage) {
  async function loadVisible(actor: Actor | null, id: string) {
    const [row] = await db.select().from(workSample).where(eq(workSample.id, id));
    if (!row || !(await canViewSample(db, actor, row))) throw new AppError("not_found");
    return row;
  }

  return {
    async createFile(actor: Actor, fields: Fields, file: { name: string; bytes: Buffer }): Promise<Sample> {
      requireAssistant(actor);
      const fileName = cleanFileName(file.name);
      const contentType = await detectSampleType(file.bytes, fileName);
      const id = randomUUID();
      const fileKey = `samples/${id}/original`;
      await storage.put(fileKey, file.bytes, contentType);
      let thumbnailKey: string | null = null;
      if (contentType.startsWith("image/")) {
        // A small preview for lists; failure to render one does not lose the upload.
        try {
          const thumb = await (await imageTools())(file.bytes)
            .rotate()
            .resize(320, 320, { fit: "inside" })
            .webp({ quality: 80 })
            .toBuffer();
          thumbnailKey = `samples/${id}/thumbnail`;
          await storage.put(thumbnailKey, thumb, "image/webp");
        } catch {
          thumbnailKey = null;
        }
      }
      try {
        const [row] = await db
          .insert(workSample)
          .values({
            id,
            ownerId: actor.userId,
            ...fields,
            fileKey,
            fileName,
            contentType,
            sizeBytes: file.bytes.length,
            thumbnailKey,
          })
          .returning();
        return toSample(row as Row);
      } catch (error) {
        // No row, no file: remove what was stored so nothing is half-written.
        await storage.delete(fileKey);
        if (thumbnailKey) await storage.delete(thumbnailKey);
        throw error;
      }
    },

    async createLink(actor: Actor, input: Fields & { url: string }): Promise<Sample> {
      requireAssistant(actor);
      const [row] = await db
        .insert(workSample)
        .values({ ...input, ownerId: actor.userId })
        .returning();
      return toSample(row as Row);
    },

    async listOwn(actor: Actor): Promise<Sample[]> {
      const rows = await db
        .select()
        .from(workSample)
        .where(eq(workSample.ownerId, actor.userId))
        .orderBy(desc(workSample.createdAt))
        .limit(200);
      return rows.map(toSample);
    },

    async listPublic(ownerId: string): Promise<Sample[]> {
      const rows = await db
        .select()
        .from(workSample)
        .where(and(eq(workSample.ownerId, ownerId), eq(workSample.visibility, "public")))
        .orderBy(desc(workSample.createdAt))
        .limit(200);
      return rows.map(toSample);
    },

    async get(actor: Actor | null, id: string): Promise<Sample> {
      return toSample(await loadVisible(actor, id));
    },

    /** The stored bytes of a sample, for those allowed to see it. */
    async open(actor: Actor | null, id: string, variant: "original" | "thumbnail") {
      const row = await loadVisible(actor, id);
      const key = variant === "original" ? row.fileKey : row.thumbnailKey;
      if (!key) throw new AppError("not_found");
      const stream = await storage.get(key);
      if (!stream) throw new AppError("not_found");
      return {
        stream,
        contentType: variant === "original" ? (row.contentType ?? "application/octet-stream") : "image/webp",
        fileName: row.fileName ?? "sample",
      };
    },

    async remove(actor: Actor, id: string) {
      const [row] = await db
        .delete(workSample)
        .where(and(eq(workSample.id, id), eq(workSample.ownerId, actor.userId)))
        .returning();
      if (!row) throw new AppError("not_found");
      for (const key of [row.fileKey, row.thumbnailKey]) if (key) await storage.delete(key);
    },

    /** Which of these ids are samples owned by the actor (for attaching to a bid). */
    async ownedIds(actor: Actor, ids: string[]): Promise<Set<string>> {
      if (!ids.length) return new Set();
      const rows = await db
        .select({ id: workSample.id })
        .from(workSample)
        .where(and(eq(workSample.ownerId, actor.userId), inArray(workSample.id, ids)));
      return new Set(rows.map((r) => r.id));
    },
  };
}

export type SamplesService = ReturnType<typeof createSamplesService>;
