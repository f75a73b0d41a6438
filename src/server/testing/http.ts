import { desc, eq } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createUserWithPassword } from "../../features/accounts/factory.ts";
import type { Role } from "../../features/accounts/schema.ts";
import { mailOutbox } from "../mail/tables.ts";
import { TEST_ORIGIN } from "./app.ts";

/** A tiny cookie-keeping client over app.inject, as a browser on TEST_ORIGIN would behave. */
export class Browser {
  readonly cookies = new Map<string, string>();
  readonly app: FastifyInstance;
  readonly ip: string;

  constructor(app: FastifyInstance, ip = "127.0.0.1") {
    this.app = app;
    this.ip = ip;
  }

  async request(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        origin: TEST_ORIGIN,
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    this.keepCookies(res);
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request("GET", url, undefined, headers);
  post = (url: string, body: unknown = {}, headers?: Record<string, string>) =>
    this.request("POST", url, body, headers);
  patch = (url: string, body: unknown = {}) => this.request("PATCH", url, body);

  private keepCookies(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (c.value === "" || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}

/** The newest mail to an address, from the outbox. */
export async function lastMailTo(app: FastifyInstance, to: string) {
  const [mail] = await app.database.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.to, to))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return mail;
}

export function linkIn(text: string): string {
  const match = text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in mail: ${text}`);
  return match[0];
}

let counter = 0;
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}

export const GOOD_PASSWORD = "tangerine-orbit-velvet-42";

let ipCounter = 0;
/** A distinct client address per browser, so sign-in throttling never couples unrelated tests. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

/** A verified user with GOOD_PASSWORD and the given roles, signed in nowhere yet. */
export async function verifiedUser(app: FastifyInstance, roles: Role[] = ["client"], name = "Test User") {
  const email = uniqueEmail(roles.join("-"));
  const { id } = await createUserWithPassword(app.auth, { name, email, password: GOOD_PASSWORD, roles });
  return { id, email };
}

/** A verified user with the given roles, signed in in a browser of their own. */
export async function signedIn(app: FastifyInstance, roles: Role[], name = "Test User") {
  const { id, email } = await verifiedUser(app, roles, name);
  const browser = new Browser(app, nextIp());
  const res = await browser.post("/api/auth/sign-in/email", { email, password: GOOD_PASSWORD });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return Object.assign(browser, { userId: id, email });
}
