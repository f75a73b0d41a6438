import nodemailer from "nodemailer";
import type { Config } from "../config.ts";

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; contentType: string; content: string }[] | null;
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
      await transporter.sendMail({ ...mail, attachments: mail.attachments ?? [] });
    },
    close: () => transporter.close(),
  };
}
