import type { FastifyInstance, FastifyBaseLogger as Logger } from "fastify";
import type { SignInThrottle } from "../auth/sign-in-throttle.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import type { MailTransport } from "../mail/transport.ts";
import type { Jobs } from "./boss.ts";

/**
 * What every handler may use, built once by the app after its services: handlers reach the same
 * services the routes call (`app.services`), so their rules apply to jobs too.
 */
export interface JobContext {
  db: Db;
  log: Logger;
  config: Config;
  /** To enqueue follow-up jobs. */
  jobs: Jobs;
  services: FastifyInstance["services"];
  transport: MailTransport;
  signInThrottle: SignInThrottle;
}
