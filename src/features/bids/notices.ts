import { aboutJob, defineNotices, jobPath } from "../notifications/notice.ts";
import { BID_NOTICES } from "./schema.ts";

/** What each notice of this feature says by e-mail, in the recipient's language, and where its button leads. */
export const bidsNotices = defineNotices(BID_NOTICES, {
  "bid.received": {
    mail: aboutJob({
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
    path: jobPath,
  },
  "bid.shortlisted": {
    mail: aboutJob({
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
    path: jobPath,
  },
  "bid.rejected": {
    mail: aboutJob({
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
    path: jobPath,
  },
});
