import { describe, expect, it } from "vitest";
import { NOTIFICATION_TYPES } from "../../features/notifications/schema.ts";
import { NOTICES } from "../../server/features.ts";
import de from "./de.json" with { type: "json" };
import en from "./en.json" with { type: "json" };

// Two things used to share one word: the assistant's bid and the client's offer of a contract were
// both „Angebot“, so „Angebot ablehnen“ meant two different buttons. The words now are
//   the assistant's bid      — „Angebot“         — "bid"
//   the client's offer       — „Vertragsangebot“ — "contract offer"
// (the verbs stay: „Vertrag anbieten“, "Offer a contract", „bieten“, "to bid"). Checked on every
// text of the web app and of the notification mails, German beside English, so a new text that
// says „Angebot“ for a contract offer, or a bare "offer", fails here.

type Texts = Record<string, string>;

function flatten(tree: object, prefix = ""): Texts {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string"
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flatten(value as object, `${prefix}${key}.`)),
    ),
  );
}

const BARE_OFFER = /\boffers?\b/gi;
const CONTRACT_OFFER = /contract offers?\b/i;
const VERTRAGSANGEBOT = /vertragsangebot/i;
/** „Angebot“ on its own (also „Angebote“, „Angebotsfrist“): the assistant's bid. */
const ANGEBOT = /(?<!vertrags)angebot/i;

/** What is wrong with one text said in both languages; empty when the words are right. */
function wordErrors(key: string, german: string, english: string): string[] {
  const errors: string[] = [];
  for (const m of english.matchAll(BARE_OFFER)) {
    const before = english.slice(0, m.index).toLowerCase();
    const after = english.slice(m.index + m[0].length).toLowerCase();
    if (!before.endsWith("contract ") && !after.startsWith(" a contract"))
      errors.push(`${key}: "${english}" says "offer" without "contract"`);
  }
  if (CONTRACT_OFFER.test(english) !== VERTRAGSANGEBOT.test(german))
    errors.push(`${key}: „${german}“ and "${english}" do not both name the contract offer`);
  if (ANGEBOT.test(german) && !/\bbid/i.test(english))
    errors.push(`${key}: „${german}“ says „Angebot“ but "${english}" is not about a bid`);
  return errors;
}

describe("bid and contract offer have words of their own", () => {
  it("in every text of the web app", () => {
    const german = flatten(de);
    const english = flatten(en);
    const errors = Object.keys(german).flatMap((key) =>
      key in english ? wordErrors(key, german[key] ?? "", english[key] ?? "") : [],
    );
    expect(errors).toEqual([]);
  });

  it("in every notification mail", () => {
    const data = { jobTitle: "Buchhaltung", actor: "Lena", sender: "Lena", count: 1, title: "Termin" };
    const errors = NOTIFICATION_TYPES.flatMap((type) => {
      const german = NOTICES[type].mail.de(data);
      const english = NOTICES[type].mail.en(data);
      return (["subject", "intro", "action"] as const).flatMap((part) =>
        wordErrors(`${type} ${part}`, german[part], english[part]),
      );
    });
    expect(errors).toEqual([]);
  });

  it("catches the old texts", () => {
    expect(wordErrors("offers.page.accept", "Angebot annehmen", "Accept offer")).toHaveLength(2);
    expect(
      wordErrors("offer.accepted", "Angebot angenommen: „X“", "Contract offer accepted: X"),
    ).toHaveLength(2);
    expect(wordErrors("bids.review.makeOffer", "Vertrag anbieten", "Offer a contract")).toEqual([]);
  });
});
