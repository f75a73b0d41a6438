import type { FastifyRequest } from "fastify";
import type { Role } from "../../features/accounts/schema.ts";
import { AppError } from "../errors.ts";
import type { Auth } from "./auth.ts";
import type { SessionCache } from "./session-cache.ts";

/** Who is acting. Services take an Actor, never a request, so jobs and scripts can call them too. */
export interface Actor {
  userId: string;
  roles: Role[];
}

declare module "fastify" {
  interface FastifyRequest {
    actor?: Actor;
  }
}

/** Better Auth's session cookie, with or without the __Host- prefix of secure deployments. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?assista\.session_token=([^;]+)/;

async function resolve(
  auth: Auth,
  sessions: SessionCache,
  request: FastifyRequest,
): Promise<Actor | undefined> {
  const cookie = request.headers.cookie;
  if (!cookie) return undefined;
  // Only a value Better Auth verified before can hit: a forged cookie always goes to the check.
  const value = SESSION_COOKIE.exec(cookie)?.[1];
  const cached = value ? sessions.get(value) : undefined;
  if (cached) return cached;
  const found = await auth.api.getSession({ headers: new Headers({ cookie }) });
  if (!found) return undefined;
  const actor = { userId: found.user.id, roles: (found.user.roles ?? []) as Role[] };
  if (value) sessions.set(value, actor, found.session.token, new Date(found.session.expiresAt));
  return actor;
}

/** Resolves the session cookie to an Actor, or answers 401. */
export function requireActor(auth: Auth, sessions: SessionCache) {
  return async (request: FastifyRequest) => {
    request.actor = await resolve(auth, sessions, request);
    if (!request.actor) throw new AppError("unauthenticated");
  };
}

/** For pages anyone may read: the Actor when signed in, else none. */
export function optionalActor(auth: Auth, sessions: SessionCache) {
  return async (request: FastifyRequest) => {
    request.actor = await resolve(auth, sessions, request);
  };
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthenticated");
  return request.actor;
}
