import { defineNotices } from "../notifications/notice.ts";
import { occurrenceDate } from "../notifications/schema.ts";
import { CALENDAR_NOTICES } from "./schema.ts";

/** What each notice of this feature says by e-mail, in the recipient's language, and where its button leads. */
export const calendarNotices = defineNotices(CALENDAR_NOTICES, {
  // Either party's change to an event in the contract's calendar, told to the other party.
  "calendar.event_changed": {
    mail: {
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
    path: (d) => `/contracts/${d.contractId ?? ""}/calendar`,
  },
});
