import nodemailer from "nodemailer";
import type { Config } from "../config.ts";
import type { CalendarPart } from "./tables.ts";

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; contentType: string; content: string }[] | null;
  calendar?: CalendarPart | null;
}

export interface MailTransport {
  /** "smtp" delivers; "viewer" keeps the mail in the outbox for the dev mail viewer. */
  kind: "smtp" | "viewer";
  deliver(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createTransport(config: Config): MailTransport {
  if (!config.smtpUrl) {
    // Without SMTP the outbox row is the delivered mail: /dev/mail shows it.
    return { kind: "viewer", async deliver() {}, close() {} };
  }
  const transporter = nodemailer.createTransport(config.smtpUrl);
  return {
    kind: "smtp",
    async deliver(mail) {
      const { calendar, ...rest } = mail;
      await transporter.sendMail({
        ...rest,
        attachments: mail.attachments ?? [],
        // nodemailer puts it beside text and HTML in multipart/alternative, as calendar clients expect.
        ...(calendar ? { icalEvent: { method: calendar.method, content: calendar.content } } : {}),
      });
    },
    close: () => transporter.close(),
  };
}
