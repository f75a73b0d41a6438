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

/** Resolves the session cookie to an Actor, or answers 401. */
export function requireActor(auth: Auth) {
  return async (request: FastifyRequest) => {
    const headers = new Headers();
    if (request.headers.cookie) headers.set("cookie", request.headers.cookie);
    const session = await auth.api.getSession({ headers });
    if (!session) throw new AppError("unauthenticated");
    request.actor = { userId: session.user.id, roles: (session.user.roles ?? []) as Role[] };
  };
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthenticated");
  return request.actor;
}
