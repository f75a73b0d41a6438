import type { FastifyRequest } from "fastify";
import type { Role } from "../../features/accounts/schema.ts";
import { AppError } from "../errors.ts";
import type { Auth } from "./auth.ts";
import type { SessionCache, VerifiedSession } from "./session-cache.ts";

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

/** Asks Better Auth about the cookie: the session and its user, or nothing. */
async function verify(auth: Auth, cookie: string): Promise<VerifiedSession | undefined> {
  const found = await auth.api.getSession({ headers: new Headers({ cookie }) });
  if (!found) return undefined;
  return {
    actor: { userId: found.user.id, roles: (found.user.roles ?? []) as Role[] },
    token: found.session.token,
    expiresAt: new Date(found.session.expiresAt),
  };
}

async function resolve(
  auth: Auth,
  sessions: SessionCache,
  request: FastifyRequest,
): Promise<Actor | undefined> {
  const cookie = request.headers.cookie;
  if (!cookie) return undefined;
  // Only a value Better Auth verified before can hit: a forged cookie always goes to the check.
  const value = SESSION_COOKIE.exec(cookie)?.[1];
  const cached = value ? sessions.get(value, () => verify(auth, cookie)) : undefined;
  if (cached) return cached;
  const session = await verify(auth, cookie);
  if (!session) return undefined;
  if (value) sessions.set(value, session.actor, session.token, session.expiresAt);
  return session.actor;
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
