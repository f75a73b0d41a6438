import type { Tx } from "../../server/db/client.ts";
import type { Mailer } from "../../server/mail/outbox.ts";
import { layoutMail } from "../../server/mail/templates.ts";
import { startIn } from "../notifications/schema.ts";

/** A participant as the mails need them: addressed in their language, times in their zone. */
export interface Recipient {
  name: string;
  email: string;
  locale: string;
  timeZone: string;
}

export type InterviewMailKind = "confirmed" | "moved" | "cancelled" | "reminder_day" | "reminder_soon";

export interface InterviewMail {
  kind: InterviewMailKind;
  interviewId: string;
  sequence: number;
  start: Date;
  end: Date;
  jobTitle: string;
  client: Recipient;
  assistant: Recipient;
  meetingUrl: string | null;
  reason?: string | null;
}

const when = (locale: "de" | "en", start: Date, timeZone: string) =>
  startIn(start, timeZone, locale === "de" ? "de-DE" : "en-GB");

const TEXTS = {
  de: {
    confirmed: (other: string, at: string, job: string) => ({
      subject: `Interview mit ${other}: ${at}`,
      intro: `Ihr Interview zu „${job}“ mit ${other} ist bestätigt: ${at}. Die Einladung für Ihren Kalender hängt an.`,
    }),
    moved: (other: string, at: string, job: string) => ({
      subject: `Interview verschoben: ${at}`,
      intro: `Das Interview zu „${job}“ mit ${other} wurde verschoben auf ${at}.`,
    }),
    cancelled: (other: string, at: string, job: string) => ({
      subject: `Interview abgesagt: ${at}`,
      intro: `Das Interview zu „${job}“ mit ${other} am ${at} wurde abgesagt.`,
    }),
    reminder_day: (other: string, at: string, job: string) => ({
      subject: `Morgen: Interview mit ${other}`,
      intro: `Erinnerung: Ihr Interview zu „${job}“ mit ${other} ist am ${at}.`,
    }),
    reminder_soon: (other: string, at: string, job: string) => ({
      subject: `In 15 Minuten: Interview mit ${other}`,
      intro: `Ihr Interview zu „${job}“ mit ${other} beginnt bald (${at}).`,
    }),
    reason: (r: string) => `Begründung: ${r}`,
    action: "Zum Interview",
  },
  en: {
    confirmed: (other: string, at: string, job: string) => ({
      subject: `Interview with ${other}: ${at}`,
      intro: `Your interview about "${job}" with ${other} is confirmed: ${at}. The invitation for your calendar is attached.`,
    }),
    moved: (other: string, at: string, job: string) => ({
      subject: `Interview moved: ${at}`,
      intro: `The interview about "${job}" with ${other} has been moved to ${at}.`,
    }),
    cancelled: (other: string, at: string, job: string) => ({
      subject: `Interview cancelled: ${at}`,
      intro: `The interview about "${job}" with ${other} on ${at} has been cancelled.`,
    }),
    reminder_day: (other: string, at: string, job: string) => ({
      subject: `Tomorrow: interview with ${other}`,
      intro: `Reminder: your interview about "${job}" with ${other} is on ${at}.`,
    }),
    reminder_soon: (other: string, at: string, job: string) => ({
      subject: `In 15 minutes: interview with ${other}`,
      intro: `Your interview about "${job}" with ${other} starts soon (${at}).`,
    }),
    reason: (r: string) => `Reason: ${r}`,
    action: "Open the interview",
  },
};

/** A stable UID per interview: calendar apps update the same entry on every change. */
export const interviewUid = (id: string) => `interview-${id}@assista`;

/**
 * Writes the mail of an interview event to both participants, in the same transaction as the
 * change. Confirmations and moves carry a REQUEST, cancellations a CANCEL, each with the
 * interview's current SEQUENCE, so calendar apps replace the entry instead of adding another.
 */
export async function mailParticipants(mailer: Mailer, tx: Tx, publicUrl: string, m: InterviewMail) {
  // The writer (ical-generator and the zone database) loads with the first invitation.
  const { invitation } = await import("../calendar/ics-write.ts");
  const method: "REQUEST" | "CANCEL" | null =
    m.kind === "cancelled" ? "CANCEL" : m.kind === "confirmed" || m.kind === "moved" ? "REQUEST" : null;
  const calendar = method
    ? {
        method,
        content: invitation({
          method,
          uid: interviewUid(m.interviewId),
          sequence: m.sequence,
          start: m.start.getTime(),
          end: m.end.getTime(),
          summary: `Interview: ${m.jobTitle}`,
          description: `${m.client.name} – ${m.assistant.name}`,
          url: m.meetingUrl ?? `${publicUrl}/interviews/${m.interviewId}`,
          organizer: { name: m.client.name, email: m.client.email },
          attendees: [
            { name: m.client.name, email: m.client.email },
            { name: m.assistant.name, email: m.assistant.email },
          ],
        }),
      }
    : undefined;
  for (const [me, other] of [
    [m.client, m.assistant],
    [m.assistant, m.client],
  ] as const) {
    const locale = me.locale === "en" ? "en" : "de";
    const t = TEXTS[locale];
    const lines = t[m.kind](other.name, when(locale, m.start, me.timeZone), m.jobTitle);
    const mail = layoutMail(
      locale,
      { ...lines, action: t.action, ...(m.reason ? { outro: t.reason(m.reason) } : {}) },
      `${publicUrl}/interviews/${m.interviewId}`,
    );
    await mailer.enqueue({ to: me.email, ...mail, ...(calendar ? { calendar } : {}) }, tx);
  }
}
