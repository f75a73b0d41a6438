import { aboutContract, aboutJob, contractPath, defineNotices, jobPath } from "../notifications/notice.ts";
import { CONTRACT_NOTICES } from "./schema.ts";

/** What each notice of this feature says by e-mail, in the recipient's language, and where its button leads. */
export const contractsNotices = defineNotices(CONTRACT_NOTICES, {
  "offer.received": {
    mail: aboutJob({
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
    path: (d) => (d.offerId ? `/offers/${d.offerId}` : jobPath(d)),
  },
  "offer.accepted": {
    mail: aboutJob({
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
    path: jobPath,
  },
  "offer.declined": {
    mail: aboutJob({
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
    path: jobPath,
  },
  // A contract's video call started by the other party; the link joins it (if it is still on).
  "call.started": {
    mail: {
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
    path: (
      d, // Answering, like the bell's link: joining from the mail does not ring the caller back.
    ) => `/contracts/${d.contractId ?? ""}/call?answer=true`,
  },
  "contract.paused": {
    mail: aboutContract({
      de: (d) => ({
        subject: `Vertrag pausiert: „${d.jobTitle}“`,
        intro: `${d.actor} hat den Vertrag „${d.jobTitle}“ pausiert. Bis er fortgesetzt wird, sind keine Anrufe und keine neuen Termine möglich; Nachrichten schon.`,
      }),
      en: (d) => ({
        subject: `Contract paused: "${d.jobTitle}"`,
        intro: `${d.actor} paused the contract "${d.jobTitle}". Until it is resumed there are no calls and no new appointments; messages still work.`,
      }),
    }),
    path: contractPath,
  },
  "contract.resumed": {
    mail: aboutContract({
      de: (d) => ({
        subject: `Vertrag fortgesetzt: „${d.jobTitle}“`,
        intro: `${d.actor} hat den Vertrag „${d.jobTitle}“ fortgesetzt. Er ist wieder aktiv.`,
      }),
      en: (d) => ({
        subject: `Contract resumed: "${d.jobTitle}"`,
        intro: `${d.actor} resumed the contract "${d.jobTitle}". It is active again.`,
      }),
    }),
    path: contractPath,
  },
  "contract.ended": {
    mail: aboutContract({
      de: (d) => ({
        subject: `Vertrag beendet: „${d.jobTitle}“`,
        intro: `${d.actor} hat den Vertrag „${d.jobTitle}“ beendet. Sie können ihn weiter lesen, Dateien herunterladen und Nachrichten schreiben.`,
      }),
      en: (d) => ({
        subject: `Contract ended: "${d.jobTitle}"`,
        intro: `${d.actor} ended the contract "${d.jobTitle}". You can still read it, download files and send messages.`,
      }),
    }),
    path: contractPath,
  },
});
