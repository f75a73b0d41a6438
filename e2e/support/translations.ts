import { readFileSync } from "node:fs";

// The specs read the app's own bundles, so a reworded label changes one file, not every test.
export type Lang = "de" | "en";

const bundles: Record<Lang, unknown> = {
  de: JSON.parse(readFileSync(new URL("../../src/web/i18n/de.json", import.meta.url), "utf8")),
  en: JSON.parse(readFileSync(new URL("../../src/web/i18n/en.json", import.meta.url), "utf8")),
};

/** The translation of `key` in `lang`, with {{placeholders}} filled in. */
export function tr(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  const found = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], bundles[lang]);
  if (typeof found !== "string") throw new Error(`No ${lang} translation for ${key}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

/** A unique address per test, so tests never share accounts and can run in any order. */
export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@e2e.assista.test`;
}

/** What the server's mails say (src/server/mail/templates.ts): subject to find one, link text to follow it. */
export const MAILS = {
  verifyEmail: {
    de: { subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse", link: "E-Mail-Adresse bestätigen" },
    en: { subject: "Please confirm your e-mail address", link: "Confirm e-mail address" },
  },
  resetPassword: {
    de: { subject: "Passwort zurücksetzen", link: "Neues Passwort festlegen" },
    en: { subject: "Reset your password", link: "Choose a new password" },
  },
} as const;
