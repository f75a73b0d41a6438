import { eq } from "drizzle-orm";
import { SMTPServer, type SMTPServer as SMTPServerType } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../testing/app.ts";
import { GOOD_PASSWORD, uniqueEmail } from "../testing/http.ts";
import { mailOutbox } from "./tables.ts";

interface Received {
  to: string[];
  raw: string;
}

// A real SMTP server on a loopback port; the first delivery attempt to it fails on purpose so the
// retry path is exercised too.
let smtp: SMTPServerType;
let port = 0;
const received: Received[] = [];
let failNext = 0;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (failNext > 0) {
          failNext -= 1;
          const error = Object.assign(new Error("try again later"), { responseCode: 451 });
          return callback(error);
        }
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  port = (smtp.server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("mail delivery through the outbox", () => {
  it("delivers a sign-up confirmation over SMTP, retrying after a temporary failure", async () => {
    const app = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: "Assista <hello@assista.test>",
    });
    try {
      failNext = 1;
      const email = uniqueEmail("smtp");
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/sign-up/email",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        payload: { name: "Sam", email, password: GOOD_PASSWORD, role: "assistant", locale: "de" },
      });
      expect(res.statusCode).toBe(200);
      const mail = await waitFor(async () => received.find((m) => m.to.includes(email)));
      expect(mail.raw).toMatch(/^Subject: .*Bitte_best=C3=A4tigen/m);
      expect(mail.raw).toContain("From: Assista <hello@assista.test>");
      expect(mail.raw).toMatch(/verify-email\?token=/);
      const row = await waitFor(async () => {
        const [r] = await app.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
        return r?.status === "sent" ? r : undefined;
      });
      expect(row.attempts).toBe(2);
      expect(row.lastError).toContain("try again later");
      expect(received.filter((m) => m.to.includes(email))).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
