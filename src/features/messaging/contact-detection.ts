import type { ContactKind } from "./schema.ts";

// Before hire, contact details in a bid thread are how scams and fee-dodging start: the platform
// warns the sender and marks the message for the recipient. These are heuristics for German and
// English text; a false alarm costs the sender one confirmation, a miss costs trust, so they lean
// towards flagging, but dates, times, prices and amounts must not look like phone numbers.

export interface ContactMatch {
  kind: ContactKind;
  /** The text that matched, as written. */
  text: string;
}

/** Top-level domains accepted in spelled-out addresses ("anna at gmail dot com"). */
const TLDS = "com|de|net|org|at|ch|eu|io|info|biz|co|uk|me|email|online|app|dev|fr|it|nl|es|pl|us";

const LOCAL = "[a-z0-9](?:[a-z0-9._%+-]{0,62}[a-z0-9])?";
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
/** "@", "(at)", "[at]", "{ät}", " at ", " ät " — the ways people write the at sign to dodge filters. */
const AT = String.raw`(?:\s*@\s*|\s*[([{<]\s*(?:at|ät|@)\s*[)\]}>]\s*|\s+(?:at|ät)\s+)`;
/** ".", "(dot)", "[.]", " dot ", " punkt " between domain labels. */
const DOT = String.raw`(?:\s*\.\s*|\s*[([{<]\s*(?:dot|punkt|\.)\s*[)\]}>]\s*|\s+(?:dot|punkt)\s+)`;

const EMAIL = new RegExp(
  String.raw`(?<![\w.%+-])${LOCAL}${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}(?:${TLDS})\b`,
  "gi",
);
/** A plain address with any TLD; the spelled-out form above is limited to known TLDs to spare prose. */
const PLAIN_EMAIL = /(?<![\w.%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}\b/gi;

const MESSENGER_LINK =
  /\b(?:https?:\/\/)?(?:www\.)?(?:wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|t\.me|telegram\.(?:me|dog)|signal\.(?:me|group)|join\.skype\.com|m\.me|discord\.gg|threema\.id)\/[^\s)>\]]*/gi;
const SKYPE_URI = /\bskype:[\w.:-]{3,}/gi;
const MESSENGERS = String.raw`whats\s?app|telegram|skype|signal|threema|viber|wechat|discord|snapchat|instagram|insta`;
/** Words people put between the messenger's name and the handle ("mein Skype-Name ist …"). */
const FILLER = String.raw`(?:[\s-]*(?:id|name|handle|nick(?:name)?|user(?:name)?|benutzername|nummer|number|nr\.?|kontakt|contact|ist|is|lautet|heißt|unter|at|on|über|via|add|me|mich|:|=|->|\u2192))*`;
/** After the name: a handle after ":" or "=", or any token that looks like one (has @ . _ or a digit). */
const HANDLE_AFTER_NAME = new RegExp(
  String.raw`\b(?:${MESSENGERS})\b${FILLER}\s*(?:[:=]\s*[\w.@+:-]{3,}|[+@]?[\w-]*[._\d@:][\w.@:-]*[\w]|@[a-z][\w]{3,})`,
  "gi",
);
/** Telegram's rule for usernames: 5–32 characters; any bare @handle that is not part of an address. */
const AT_HANDLE = /(?<![\w.@])@[a-z][a-z0-9_]{4,31}\b(?![.@]\w)/gi;

// Phone numbers: a run of digits with the separators people type, then judged by its shape.
// The euro sign and the arrow are written as \u escapes: a single character above Latin-1 in the
// server bundle makes V8 keep all of its source (7 MB) as two-byte text, 7 MB more memory.
const PHONE_CANDIDATE =
  /(?<![\w+\u20AC$£])(?:\+\s?|00)?(?:\(\s?\d[\d\s]*\)\s?)?\d(?:[ \t./\-()]{0,3}\d)+\)?/g;
const NANP = /^\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}$/;

/** Things that look like digit runs but are not phone numbers; masked before the phone scan. */
const NOT_PHONES = [
  // Dates: 01.03.2025, 1.3.25, 2025-03-01, 01/03/2025, 1. März 2025 is words anyway.
  /\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b/g,
  /\b\d{4}-\d{1,2}-\d{1,2}\b/g,
  // Times and ranges of times: 09:00, 9:00–17:30.
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g,
  // Money before or after a currency: 1.234,56 €, € 3.000, 30 EUR, USD 1,500.00, 35 Euro/h.
  /(?:[\u20AC$£]|\b(?:eur|euro|usd|chf|gbp)\b)\s?\d[\d.,' ]*\d?/gi,
  /\d[\d.,' ]*\s?(?:[\u20AC$£]|\b(?:eur|euro|euros|usd|chf|gbp|cent|ct)\b)/gi,
  // Percentages and plain decimals with a comma (1.234,56).
  /\d[\d.,]*\s?%/g,
  /\b\d{1,3}(?:\.\d{3})+,\d{2}\b/g,
  // IBANs start with two letters: the digits after them belong to an account, not a phone.
  /\b[a-z]{2}\d{2}(?:\s?[\da-z]{4}){3,7}(?:\s?[\da-z]{1,3})?\b/gi,
];

const mask = (text: string, patterns: RegExp[]) =>
  patterns.reduce((t, re) => t.replace(re, (m) => " ".repeat(m.length)), text);

function isPhone(candidate: string): boolean {
  const raw = candidate.trim();
  const digits = raw.replace(/\D/g, "");
  if (raw.startsWith("+")) return digits.length >= 8 && digits.length <= 15;
  if (digits.startsWith("00")) return digits.length >= 10 && digits.length <= 17;
  // National (German and most of Europe): a trunk 0, then an area code that never starts with 0.
  if (/^0[1-9]/.test(digits)) return digits.length >= 8 && digits.length <= 13;
  return NANP.test(raw);
}

/** Digits as words, German and English. */
const DIGIT_WORD = [
  "null",
  "zero",
  "eins",
  "one",
  "zwei",
  "zwo",
  "two",
  "drei",
  "three",
  "vier",
  "four",
  "fünf",
  "fuenf",
  "five",
  "sechs",
  "six",
  "sieben",
  "seven",
  "acht",
  "eight",
  "neun",
  "nine",
].join("|");
/** Seven or more digits spelled out, as "null eins sieben null …" or "zero one seven …". */
const SPELLED_DIGITS = new RegExp(String.raw`\b(?:(?:${DIGIT_WORD})[\s,.-]+){6,}(?:${DIGIT_WORD})\b`, "gi");

function collect(re: RegExp, text: string, kind: ContactKind, found: ContactMatch[]) {
  for (const m of text.matchAll(re)) found.push({ kind, text: m[0].trim() });
}

/** Every contact detail found in a text, in the order of the kinds. */
export function findContacts(text: string): ContactMatch[] {
  const found: ContactMatch[] = [];
  // Addresses first, then removed, so their digits and @ are not read as phones or handles.
  collect(PLAIN_EMAIL, text, "email", found);
  collect(EMAIL, text, "email", found);
  let rest = mask(text, [PLAIN_EMAIL, EMAIL]);
  collect(MESSENGER_LINK, rest, "messenger", found);
  collect(SKYPE_URI, rest, "messenger", found);
  collect(HANDLE_AFTER_NAME, rest, "messenger", found);
  collect(AT_HANDLE, rest, "messenger", found);
  rest = mask(rest, [MESSENGER_LINK, SKYPE_URI, ...NOT_PHONES]);
  for (const m of rest.matchAll(PHONE_CANDIDATE)) {
    if (isPhone(m[0])) found.push({ kind: "phone", text: m[0].trim() });
  }
  collect(SPELLED_DIGITS, rest, "phone", found);
  return dedupe(found);
}

function dedupe(found: ContactMatch[]): ContactMatch[] {
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = `${f.kind}|${f.text.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The kinds of contact detail in a text (e-mail, phone, messenger), each once; empty when none. */
export function contactKinds(text: string): ContactKind[] {
  const kinds = new Set(findContacts(text).map((m) => m.kind));
  return (["email", "phone", "messenger"] as const).filter((k) => kinds.has(k));
}
