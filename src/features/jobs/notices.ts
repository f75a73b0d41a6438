import { aboutJob, defineNotices, jobPath } from "../notifications/notice.ts";
import { JOB_NOTICES } from "./schema.ts";

/** What each notice of this feature says by e-mail, in the recipient's language, and where its button leads. */
export const jobsNotices = defineNotices(JOB_NOTICES, {
  "job.terms_changed": {
    mail: aboutJob({
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
    path: jobPath,
  },
  "job.filled": {
    mail: aboutJob({
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
    path: jobPath,
  },
});
