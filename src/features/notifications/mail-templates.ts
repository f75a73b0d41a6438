import type { Locale } from "../accounts/schema.ts";
import { interviewStart, type NotificationType, occurrenceDate } from "./schema.ts";

interface Lines {
  subject: string;
  intro: string;
  action: string;
}

export type NotificationData = Record<string, string | number | null>;
type Texts = Record<Locale, (data: NotificationData) => Lines>;

/** Most notices are about a job and need only its title. */
const aboutJob = (texts: Record<Locale, (title: string) => Lines>): Texts => ({
  de: (data) => texts.de(String(data.jobTitle ?? "")),
  en: (data) => texts.en(String(data.jobTitle ?? "")),
});

/** A contract paused, resumed or ended by the other party, with the reason they gave (if any). */
const aboutContract = (
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

/** Where the mail's button leads, below the public URL. */
export function notificationPath(type: NotificationType, data: NotificationData): string {
  if (type === "message.unread") return `/messages/${data.threadId ?? ""}`;
  if (type.startsWith("interview.")) return `/interviews/${data.interviewId ?? ""}`;
  if (type === "calendar.event_changed") return `/contracts/${data.contractId ?? ""}/calendar`;
  // Answering, like the bell's link: joining from the mail does not ring the caller back.
  if (type === "call.started") return `/contracts/${data.contractId ?? ""}/call?answer=true`;
  if (type.startsWith("contract.")) return `/contracts/${data.contractId ?? ""}`;
  return `/jobs/${data.jobId ?? ""}`;
}

/** What each notification says by e-mail, in the recipient's language. */
export const NOTIFICATION_MAILS: Record<NotificationType, Texts> = {
  "bid.received": aboutJob({
    de: (t) => ({
      subject: `Neues Angebot für „${t}“`,
      intro: `Für Ihren Auftrag „${t}“ ist ein neues Angebot eingegangen.`,
      action: "Angebote ansehen",
    }),
    en: (t) => ({
      subject: `New bid on "${t}"`,
      intro: `Your job "${t}" has a new bid.`,
      action: "See the bids",
    }),
  }),
  "bid.shortlisted": aboutJob({
    de: (t) => ({
      subject: `Sie sind in der engeren Wahl: „${t}“`,
      intro: `Ihr Angebot für „${t}“ steht auf der Shortlist.`,
      action: "Auftrag ansehen",
    }),
    en: (t) => ({
      subject: `You are on the shortlist: "${t}"`,
      intro: `Your bid on "${t}" has been shortlisted.`,
      action: "See the job",
    }),
  }),
  "bid.rejected": aboutJob({
    de: (t) => ({
      subject: `Absage zu „${t}“`,
      intro: `Ihr Angebot für „${t}“ wurde leider abgelehnt.`,
      action: "Details ansehen",
    }),
    en: (t) => ({
      subject: `Update on "${t}"`,
      intro: `Your bid on "${t}" was not selected.`,
      action: "See details",
    }),
  }),
  "offer.received": aboutJob({
    de: (t) => ({
      subject: `Vertragsangebot: „${t}“`,
      intro: `Sie haben ein Vertragsangebot für „${t}“ erhalten.`,
      action: "Vertragsangebot prüfen",
    }),
    en: (t) => ({
      subject: `Contract offer: "${t}"`,
      intro: `You have received a contract offer for "${t}".`,
      action: "Review the contract offer",
    }),
  }),
  "offer.accepted": aboutJob({
    de: (t) => ({
      subject: `Vertragsangebot angenommen: „${t}“`,
      intro: `Ihr Vertragsangebot für „${t}“ wurde angenommen. Der Vertrag ist aktiv.`,
      action: "Vertrag ansehen",
    }),
    en: (t) => ({
      subject: `Contract offer accepted: "${t}"`,
      intro: `Your contract offer for "${t}" was accepted. The contract is active.`,
      action: "See the contract",
    }),
  }),
  "offer.declined": aboutJob({
    de: (t) => ({
      subject: `Vertragsangebot abgelehnt: „${t}“`,
      intro: `Ihr Vertragsangebot für „${t}“ wurde abgelehnt.`,
      action: "Angebote ansehen",
    }),
    en: (t) => ({
      subject: `Contract offer declined: "${t}"`,
      intro: `Your contract offer for "${t}" was declined.`,
      action: "See the bids",
    }),
  }),
  "job.terms_changed": aboutJob({
    de: (t) => ({
      subject: `Geänderte Bedingungen: „${t}“`,
      intro: `Die Bedingungen des Auftrags „${t}“, auf den Sie geboten haben, wurden geändert.`,
      action: "Änderungen ansehen",
    }),
    en: (t) => ({
      subject: `Terms changed: "${t}"`,
      intro: `The terms of "${t}", which you bid on, have changed.`,
      action: "See the changes",
    }),
  }),
  "job.filled": aboutJob({
    de: (t) => ({
      subject: `Auftrag vergeben: „${t}“`,
      intro: `Der Auftrag „${t}“ wurde an jemand anderen vergeben.`,
      action: "Weitere Aufträge finden",
    }),
    en: (t) => ({
      subject: `Job filled: "${t}"`,
      intro: `The job "${t}" has been filled by someone else.`,
      action: "Find more jobs",
    }),
  }),
  // Grouped per thread: one notice (and one mail) for every message still unread after 5 minutes.
  "message.unread": {
    de: (d) => ({
      subject:
        Number(d.count) === 1
          ? `Neue Nachricht von ${d.sender}`
          : `${d.count} ungelesene Nachrichten zu „${d.jobTitle}“`,
      intro:
        Number(d.count) === 1
          ? `${d.sender} hat Ihnen zu „${d.jobTitle}“ geschrieben.`
          : `Sie haben ${d.count} ungelesene Nachrichten zu „${d.jobTitle}“, zuletzt von ${d.sender}.`,
      action: "Nachrichten lesen",
    }),
    en: (d) => ({
      subject:
        Number(d.count) === 1
          ? `New message from ${d.sender}`
          : `${d.count} unread messages about "${d.jobTitle}"`,
      intro:
        Number(d.count) === 1
          ? `${d.sender} wrote to you about "${d.jobTitle}".`
          : `You have ${d.count} unread messages about "${d.jobTitle}", the latest from ${d.sender}.`,
      action: "Read the messages",
    }),
  },
  "interview.requested": aboutJob({
    de: (t) => ({
      subject: `Interview-Anfrage zu „${t}“`,
      intro: `Der Auftraggeber von „${t}“ möchte Sie per Video kennenlernen. Bitte wählen oder bestätigen Sie einen Termin.`,
      action: "Termin wählen",
    }),
    en: (t) => ({
      subject: `Interview request about "${t}"`,
      intro: `The client of "${t}" would like to meet you by video. Please choose or confirm a time.`,
      action: "Choose a time",
    }),
  }),
  // The assistant took one of the client's times; the invitation mail carries the calendar entry.
  "interview.confirmed": {
    de: (d) => ({
      subject: `${d.actor} hat das Interview zu „${d.jobTitle}“ bestätigt`,
      intro: `${d.actor} hat das Video-Interview zu „${d.jobTitle}“ bestätigt${
        interviewStart(d, "de") ? `: ${interviewStart(d, "de")}` : ""
      }. Auf der Seite des Interviews finden Sie den Videoraum; er öffnet kurz vor Beginn.`,
      action: "Interview öffnen",
    }),
    en: (d) => ({
      subject: `${d.actor} confirmed the interview about "${d.jobTitle}"`,
      intro: `${d.actor} confirmed the video interview about "${d.jobTitle}"${
        interviewStart(d, "en") ? `: ${interviewStart(d, "en")}` : ""
      }. The interview's page has the video room; it opens shortly before the start.`,
      action: "Open the interview",
    }),
  },
  // Either party's change to an event in the contract's calendar, told to the other party.
  "calendar.event_changed": {
    de: (d) => {
      const verb =
        { created: "eingetragen", deleted: "gelöscht", occurrence_deleted: "gelöscht" }[String(d.change)] ??
        "geändert";
      // One date of a series: named, and the rest of the series said to stay.
      const date = occurrenceDate(d, "de");
      return date
        ? {
            subject: `Termin am ${date} ${verb}: „${d.title}“`,
            intro: `${d.actor} hat den Termin „${d.title}“ am ${date} im Kalender zu „${d.jobTitle}“ ${verb}. Die übrigen Termine der Serie bleiben, wie sie sind.`,
            action: "Kalender öffnen",
          }
        : {
            subject: `Termin ${verb}: „${d.title}“`,
            intro: `${d.actor} hat den Termin „${d.title}“ im Kalender zu „${d.jobTitle}“ ${verb}.`,
            action: "Kalender öffnen",
          };
    },
    en: (d) => {
      const verb =
        { created: "added", deleted: "deleted", occurrence_deleted: "deleted" }[String(d.change)] ??
        "changed";
      const date = occurrenceDate(d, "en");
      return date
        ? {
            subject: `Appointment on ${date} ${verb}: "${d.title}"`,
            intro: `${d.actor} ${verb} the appointment "${d.title}" on ${date} in the calendar of "${d.jobTitle}". The other dates of the series stay as they are.`,
            action: "Open the calendar",
          }
        : {
            subject: `Appointment ${verb}: "${d.title}"`,
            intro: `${d.actor} ${verb} the appointment "${d.title}" in the calendar of "${d.jobTitle}".`,
            action: "Open the calendar",
          };
    },
  },
  "contract.paused": aboutContract({
    de: (d) => ({
      subject: `Vertrag pausiert: „${d.jobTitle}“`,
      intro: `${d.actor} hat den Vertrag „${d.jobTitle}“ pausiert. Bis er fortgesetzt wird, sind keine Anrufe und keine neuen Termine möglich; Nachrichten schon.`,
    }),
    en: (d) => ({
      subject: `Contract paused: "${d.jobTitle}"`,
      intro: `${d.actor} paused the contract "${d.jobTitle}". Until it is resumed there are no calls and no new appointments; messages still work.`,
    }),
  }),
  "contract.resumed": aboutContract({
    de: (d) => ({
      subject: `Vertrag fortgesetzt: „${d.jobTitle}“`,
      intro: `${d.actor} hat den Vertrag „${d.jobTitle}“ fortgesetzt. Er ist wieder aktiv.`,
    }),
    en: (d) => ({
      subject: `Contract resumed: "${d.jobTitle}"`,
      intro: `${d.actor} resumed the contract "${d.jobTitle}". It is active again.`,
    }),
  }),
  "contract.ended": aboutContract({
    de: (d) => ({
      subject: `Vertrag beendet: „${d.jobTitle}“`,
      intro: `${d.actor} hat den Vertrag „${d.jobTitle}“ beendet. Sie können ihn weiter lesen, Dateien herunterladen und Nachrichten schreiben.`,
    }),
    en: (d) => ({
      subject: `Contract ended: "${d.jobTitle}"`,
      intro: `${d.actor} ended the contract "${d.jobTitle}". You can still read it, download files and send messages.`,
    }),
  }),
  // A contract's video call started by the other party; the link joins it (if it is still on).
  "call.started": {
    de: (d) => ({
      subject: `${d.actor} ruft Sie an: „${d.jobTitle}“`,
      intro: `${d.actor} hat einen Videoanruf zu „${d.jobTitle}“ gestartet und wartet auf Sie.`,
      action: "Anruf beitreten",
    }),
    en: (d) => ({
      subject: `${d.actor} is calling you: "${d.jobTitle}"`,
      intro: `${d.actor} started a video call about "${d.jobTitle}" and is waiting for you.`,
      action: "Join the call",
    }),
  },
};
