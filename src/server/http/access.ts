import type { FastifyInstance, FastifyRequest, RouteOptions } from "fastify";
import type { Role } from "../../features/accounts/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../errors.ts";

// Every route says in its definition who may call it (`config.access`), and beside it what each
// kind of caller gets, so the authorization matrix test (access-matrix.test.ts) checks a new route
// the day it is registered. The hook below refuses to start a server with a route that says nothing
// and installs the session check the declaration asks for: routes no longer wire hooks by hand.

/** What the resources are called in permissions: one per kind of thing a route acts on. */
export type Resource =
  | "account"
  | "profile"
  | "sample"
  | "job"
  | "bid"
  | "offer"
  | "contract"
  | "event"
  | "call"
  | "thread"
  | "message"
  | "notification"
  | "availability"
  | "calendar-import"
  | "calendar-feed"
  | "interview"
  | "dispute"
  | "user";

/** What a permission lets its holder do to the resource. */
export type Action = "read" | "write" | "resolve";

/**
 * `…:own`: signed in, and the resource is the actor's own or the actor is its party; the service (or
 * the contract gate) enforces whose it is. `…:any`: every such resource, whoever's: only admins hold
 * these (`resolve:dispute:any`). The permission names the rule so it can be read and tested.
 */
export type Permission = `${Action}:${Resource}:${"own" | "any"}`;

export type AccessRule =
  /** Anyone; no session is looked up (probes, documents, static files). */
  | { kind: "public" }
  /** Anyone; the session is resolved when there is one, for answers that depend on who asks. */
  | { kind: "viewer" }
  /** A credential of the route's own instead of the session, checked by the route. */
  | { kind: "credential"; credential: "bearer token" | "path token" | "better auth" | "socket session" }
  /** Any signed-in user. */
  | { kind: "session" }
  /** A signed-in user with the role; others get 403 `role.<role>_required`. */
  | { kind: "role"; role: Role }
  | { kind: "permission"; permission: Permission };

/** The identities the matrix test sends each route as. */
export const IDENTITIES = ["anonymous", "owner", "otherClient", "otherAssistant", "admin"] as const;
export type Identity = (typeof IDENTITIES)[number];

/**
 * allowed: past the access check (any status but 401, 403 and 404); unauthenticated: 401;
 * forbidden: 403; hidden: 404 (the resource does not exist for the caller).
 */
export type Outcome = "allowed" | "unauthenticated" | "forbidden" | "hidden";
export type Matrix = Record<Identity, Outcome>;

/** Which seeded party owns the route's resource: the contract's client or its assistant. */
export type Party = "client" | "assistant";

export type Access = AccessRule & { owner: Party; expect: Matrix };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
}

interface Overrides {
  owner?: Party;
  expect?: Partial<Matrix>;
}

/** The same outcome for every identity. */
export const all = (outcome: Outcome): Matrix =>
  Object.fromEntries(IDENTITIES.map((identity) => [identity, outcome])) as Matrix;

const everyone = all("allowed");

function declare(rule: AccessRule, base: Partial<Matrix>, o: Overrides = {}): Access {
  return { ...rule, owner: o.owner ?? "client", expect: { ...everyone, ...base, ...o.expect } };
}

export const publicAccess = (o?: Overrides) => declare({ kind: "public" }, {}, o);
export const viewer = (o?: Overrides) => declare({ kind: "viewer" }, {}, o);
export const credential = (
  name: Extract<AccessRule, { kind: "credential" }>["credential"],
  expect: Partial<Matrix>,
) => declare({ kind: "credential", credential: name }, expect);
export const session = (o?: Overrides) => declare({ kind: "session" }, { anonymous: "unauthenticated" }, o);

/** The role's holders pass; the matrix's owner and other of that side hold it, admin holds only admin. */
export function role(required: Role, o: Overrides = {}): Access {
  const roleOf = { otherClient: "client", otherAssistant: "assistant", admin: "admin" } as const;
  const holds = (identity: keyof typeof roleOf) => roleOf[identity] === required;
  const base: Partial<Matrix> = { anonymous: "unauthenticated" };
  for (const identity of ["otherClient", "otherAssistant", "admin"] as const) {
    base[identity] = holds(identity) ? "allowed" : "forbidden";
  }
  const owner = o.owner ?? (required === "assistant" ? "assistant" : "client");
  return declare({ kind: "role", role: required }, { ...base, owner: "allowed" }, { ...o, owner });
}

/**
 * One's own resource or one's party's: others see nothing (404), admin too until admin routes exist.
 * `own("read:contract")` is `read:contract:own`.
 */
export function own(permission: `${"read" | "write"}:${Resource}`, o: Overrides = {}): Access {
  return declare(
    { kind: "permission", permission: `${permission}:own` },
    { anonymous: "unauthenticated", otherClient: "hidden", otherAssistant: "hidden", admin: "hidden" },
    o,
  );
}

/**
 * Anyone's resource of the kind: admins only; everyone else signed in gets 403
 * `role.admin_required`. `any("resolve:dispute")` is `resolve:dispute:any`.
 */
export function any(permission: `${Action}:${Resource}`, o: Overrides = {}): Access {
  return declare(
    { kind: "permission", permission: `${permission}:any` },
    {
      anonymous: "unauthenticated",
      owner: "forbidden",
      otherClient: "forbidden",
      otherAssistant: "forbidden",
      admin: "allowed",
    },
    o,
  );
}

/**
 * Routes registered by plugins that cannot carry a declaration: the API reference's files
 * (@fastify/swagger-ui) and the web app's static files
 * (@fastify/static sets `config.file` on each). All public by nature. Fastify's automatic HEAD
 * routes copy their GET's config and need no entry.
 */
export function pluginAccess(route: Pick<RouteOptions, "url" | "config">): Access | undefined {
  const config = route.config as { file?: unknown } | undefined;
  if (route.url.startsWith("/api/docs") || config?.file !== undefined) {
    return publicAccess();
  }
  return undefined;
}

export type Resolve = (request: FastifyRequest) => Promise<void>;

/** The session check a declaration needs, or none. */
export function guardFor(access: Access, hooks: { authenticate: Resolve; optional: Resolve }) {
  switch (access.kind) {
    case "public":
    case "credential":
      return undefined;
    case "viewer":
      return hooks.optional;
    case "session":
      return hooks.authenticate;
    case "permission":
      return access.permission.endsWith(":any") ? requireRole("admin", hooks) : hooks.authenticate;
    case "role":
      return requireRole(access.role, hooks);
  }
}

/** Signed in and holding the role, else 401, or 403 with `role.<role>_required`. */
function requireRole(required: Role, hooks: { authenticate: Resolve }) {
  return async (request: FastifyRequest) => {
    await hooks.authenticate(request);
    if (!(request.actor as Actor).roles.includes(required)) {
      throw new AppError("forbidden", { reason: `role.${required}_required` });
    }
  };
}

/**
 * OpenAPI `security` for a declaration: the session cookie where one is needed, "none or the
 * cookie" (`{}` first) where the answer depends on who asks, none otherwise. The document reads it
 * from here, so what it says is what the route enforces.
 */
export function openApiSecurity(access: AccessRule): Record<string, string[]>[] {
  switch (access.kind) {
    case "session":
    case "role":
    case "permission":
      return [{ session: [] }];
    case "viewer":
      return [{}, { session: [] }];
    default:
      return [];
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
}

/**
 * Registers the check before any route: a route without `config.access` (and not a plugin's)
 * stops the start, naming it; each declared one gets its session check as its first preHandler.
 * Returns the route table the matrix test walks.
 */
export function enforceAccess(app: FastifyInstance, hooks: { authenticate: Resolve; optional: Resolve }) {
  const routes: DeclaredRoute[] = [];
  app.addHook("onRoute", (route) => {
    const access = route.config?.access ?? pluginAccess(route);
    const methods = ([] as string[]).concat(route.method);
    if (!access) {
      throw new Error(`${methods.join(",")} ${route.url} declares no access (config.access, http/access.ts)`);
    }
    route.config = { ...route.config, access };
    for (const method of methods) routes.push({ method, url: route.url, access });
    const guard = guardFor(access, hooks);
    if (!guard) return;
    const existing = route.preHandler ? ([] as unknown[]).concat(route.preHandler) : [];
    route.preHandler = [guard, ...existing] as RouteOptions["preHandler"];
  });
  return routes;
}
