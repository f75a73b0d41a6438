import { defineNotices } from "../notifications/notice.ts";
import { MESSAGING_NOTICES } from "./schema.ts";

/** What each notice of this feature says by e-mail, in the recipient's language, and where its button leads. */
export const messagingNotices = defineNotices(MESSAGING_NOTICES, {
  // Grouped per thread: one notice (and one mail) for every message still unread after 5 minutes.
  "message.unread": {
    mail: {
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
    path: (d) => `/messages/${d.threadId ?? ""}`,
  },
});
