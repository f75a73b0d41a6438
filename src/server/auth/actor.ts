import type { FastifyRequest } from "fastify";
import type { Role } from "../../features/accounts/schema.ts";
import { AppError } from "../errors.ts";
import type { Auth } from "./auth.ts";

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

async function resolve(auth: Auth, request: FastifyRequest): Promise<Actor | undefined> {
  if (!request.headers.cookie) return undefined;
  const session = await auth.api.getSession({ headers: new Headers({ cookie: request.headers.cookie }) });
  return session ? { userId: session.user.id, roles: (session.user.roles ?? []) as Role[] } : undefined;
}

/** Resolves the session cookie to an Actor, or answers 401. */
export function requireActor(auth: Auth) {
  return async (request: FastifyRequest) => {
    request.actor = await resolve(auth, request);
    if (!request.actor) throw new AppError("unauthenticated");
  };
}

/** For pages anyone may read: the Actor when signed in, else none. */
export function optionalActor(auth: Auth) {
  return async (request: FastifyRequest) => {
    request.actor = await resolve(auth, request);
  };
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthenticated");
  return request.actor;
}
