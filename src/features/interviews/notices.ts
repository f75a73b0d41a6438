import { aboutJob, defineNotices, interviewPath } from "../notifications/notice.ts";
import { interviewStart } from "../notifications/schema.ts";
import { INTERVIEW_NOTICES } from "./schema.ts";

/** What each notice of this feature says by e-mail, in the recipient's language, and where its button leads. */
export const interviewsNotices = defineNotices(INTERVIEW_NOTICES, {
  "interview.requested": {
    mail: aboutJob({
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
    path: interviewPath,
  },
  // The assistant took one of the client's times; the invitation mail carries the calendar entry.
  "interview.confirmed": {
    mail: {
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
    path: interviewPath,
  },
});
