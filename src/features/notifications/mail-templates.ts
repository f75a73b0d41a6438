import type { Locale } from "../accounts/schema.ts";
import type { NotificationType } from "./schema.ts";

interface Lines {
  subject: string;
  intro: string;
  action: string;
}

/** What each notification says by e-mail, in the recipient's language. */
export const NOTIFICATION_MAILS: Record<NotificationType, Record<Locale, (title: string) => Lines>> = {
  "bid.received": {
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
  },
  "bid.shortlisted": {
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
  },
  "bid.rejected": {
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
  },
  "offer.received": {
    de: (t) => ({
      subject: `Vertragsangebot: „${t}“`,
      intro: `Sie haben ein Vertragsangebot für „${t}“ erhalten.`,
      action: "Angebot prüfen",
    }),
    en: (t) => ({
      subject: `Contract offer: "${t}"`,
      intro: `You have received a contract offer for "${t}".`,
      action: "Review the offer",
    }),
  },
  "offer.accepted": {
    de: (t) => ({
      subject: `Angebot angenommen: „${t}“`,
      intro: `Ihr Vertragsangebot für „${t}“ wurde angenommen. Der Vertrag ist aktiv.`,
      action: "Vertrag ansehen",
    }),
    en: (t) => ({
      subject: `Offer accepted: "${t}"`,
      intro: `Your contract offer for "${t}" was accepted. The contract is active.`,
      action: "See the contract",
    }),
  },
  "offer.declined": {
    de: (t) => ({
      subject: `Angebot abgelehnt: „${t}“`,
      intro: `Ihr Vertragsangebot für „${t}“ wurde abgelehnt.`,
      action: "Angebote ansehen",
    }),
    en: (t) => ({
      subject: `Offer declined: "${t}"`,
      intro: `Your contract offer for "${t}" was declined.`,
      action: "See the bids",
    }),
  },
  "job.terms_changed": {
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
  },
  "job.filled": {
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
  },
  // Sent by messaging/unread-mail.ts, which words the mail itself (sender, count); this is the
  // line a digest would use.
  "message.unread": {
    de: (t) => ({
      subject: `Ungelesene Nachrichten zu „${t}“`,
      intro: `Sie haben ungelesene Nachrichten zu „${t}“.`,
      action: "Nachrichten lesen",
    }),
    en: (t) => ({
      subject: `Unread messages about "${t}"`,
      intro: `You have unread messages about "${t}".`,
      action: "Read the messages",
    }),
  },
};
