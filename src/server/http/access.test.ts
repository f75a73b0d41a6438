import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import type { Role } from "../../features/accounts/schema.ts";
import { AppError } from "../errors.ts";
import { any, enforceAccess, openApiSecurity, own } from "./access.ts";
import { registerProblemHandling } from "./problems.ts";

/** A server whose "session" is the `x-roles` header, to see what each declaration lets through. */
async function serverWith(routes: Record<string, ReturnType<typeof any>>) {
  const app = Fastify();
  registerProblemHandling(app);
  const authenticate = async (request: { headers: Record<string, unknown>; actor?: unknown }) => {
    const roles = request.headers["x-roles"];
    if (typeof roles !== "string") throw new AppError("unauthenticated");
    request.actor = { userId: "u1", roles: roles.split(",") as Role[] };
  };
  enforceAccess(app, { authenticate, optional: async () => {} });
  for (const [url, access] of Object.entries(routes)) {
    app.get(url, { config: { access } }, async () => ({ ok: true }));
  }
  await app.ready();
  return app;
}

describe("permissions on anyone's resource (…:any)", () => {
  it("lets only admins through: 401 without a session, 403 role.admin_required for others", async () => {
    const app = await serverWith({ "/disputes": any("resolve:dispute") });
    const as = (roles?: string) =>
      app.inject({ method: "GET", url: "/disputes", headers: roles ? { "x-roles": roles } : {} });
    expect((await as()).statusCode).toBe(401);
    for (const roles of ["client", "assistant", "client,assistant"]) {
      const refused = await as(roles);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().reason).toBe("role.admin_required");
    }
    expect((await as("admin")).statusCode).toBe(200);
    await app.close();
  });

  it("declares the matrix the same way, and the same security as an own permission", () => {
    const access = any("resolve:dispute");
    expect(access).toMatchObject({ kind: "permission", permission: "resolve:dispute:any" });
    expect(access.expect).toEqual({
      anonymous: "unauthenticated",
      owner: "forbidden",
      otherClient: "forbidden",
      otherAssistant: "forbidden",
      admin: "allowed",
    });
    expect(openApiSecurity(access)).toEqual(openApiSecurity(own("read:contract")));
  });

  it("leaves an own permission to the service: any signed-in user passes the route's check", async () => {
    const app = await serverWith({ "/mine": own("read:contract") });
    const res = await app.inject({ method: "GET", url: "/mine", headers: { "x-roles": "client" } });
    expect(res.statusCode).toBe(200);
    await app.close();
  });
});
