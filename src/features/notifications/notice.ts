import type { Locale } from "../accounts/schema.ts";
import type { NotificationType } from "./schema.ts";

/** What a notice's mail says: its subject, a sentence, and the button's label. */
export interface Lines {
  subject: string;
  intro: string;
  action: string;
}

export type NotificationData = Record<string, string | number | null>;
export type Texts = Record<Locale, (data: NotificationData) => Lines>;

/** One type of notice as the server sends it: its mail in each language, and where its button leads. */
export interface Notice {
  mail: Texts;
  /** Below the public URL; the bell links the same place (the feature's ui/notices.ts). */
  path: (data: NotificationData) => string;
}

export type Notices<T extends NotificationType = NotificationType> = Record<T, Notice>;

/**
 * A feature's notices: one entry for each type the feature declares in its schema.ts, no more, no
 * fewer (the type says so); the feature's module hands them to the notifier.
 */
export const defineNotices = <const T extends NotificationType>(_types: readonly T[], notices: Notices<T>) =>
  notices;

/** Most notices are about a job and need only its title. */
export const aboutJob = (texts: Record<Locale, (title: string) => Lines>): Texts => ({
  de: (data) => texts.de(String(data.jobTitle ?? "")),
  en: (data) => texts.en(String(data.jobTitle ?? "")),
});

/** A contract paused, resumed or ended by the other party, with the reason they gave (if any). */
export const aboutContract = (
  texts: Record<Locale, (d: NotificationData) => { subject: string; intro: string }>,
): Texts => ({
  de: (d) => {
    const lines = texts.de(d);
    const reason = d.message ? ` Begründung: „${d.message}“` : "";
    return { ...lines, intro: `${lines.intro}${reason}`, action: "Vertrag öffnen" };
  },
  en: (d) => {
    const lines = texts.en(d);
    const reason = d.message ? ` Reason: "${d.message}"` : "";
    return { ...lines, intro: `${lines.intro}${reason}`, action: "Open the contract" };
  },
});

export const jobPath = (d: NotificationData) => `/jobs/${d.jobId ?? ""}`;
export const contractPath = (d: NotificationData) => `/contracts/${d.contractId ?? ""}`;
export const interviewPath = (d: NotificationData) => `/interviews/${d.interviewId ?? ""}`;
