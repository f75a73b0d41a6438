import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { publicAccess } from "./access.ts";

const statusSchema = z.object({ status: z.literal("ok") });
const OK = JSON.stringify({ status: "ok" });

export function registerHealth(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Probes are exempt from rate limiting: load balancers call them constantly from one address.
  // Untyped on purpose: the reply is a pre-serialized string (the schema still documents it).
  app.get(
    "/api/health",
    {
      config: { rateLimit: false, access: publicAccess() },
      schema: { tags: ["system"], summary: "Liveness: the process answers", response: { 200: statusSchema } },
    },
    // Pre-serialized: probes and load balancers call this constantly, so it skips the serializer.
    async (_request, reply) => reply.type("application/json; charset=utf-8").send(OK),
  );
  r.get(
    "/api/ready",
    {
      config: { rateLimit: false, access: publicAccess() },
      schema: {
        tags: ["system"],
        summary: "Readiness: the database answers",
        response: { 200: statusSchema },
      },
    },
    async () => {
      try {
        await db.execute(sql`select 1`);
      } catch (error) {
        throw new AppError("unavailable", { detail: "The database is not reachable.", cause: error });
      }
      return { status: "ok" as const };
    },
  );
}
