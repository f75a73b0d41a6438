import type { Locale } from "../../features/accounts/schema.ts";
import { escapeHtml } from "./html.ts";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Template = (p: { name: string; url: string }) => {
  subject: string;
  intro: string;
  action: string;
  outro: string;
};

// Short, plain mails in the recipient's language; the link is the whole point of each.
const templates: Record<string, Record<Locale, Template>> = {
  verifyEmail: {
    de: ({ name }) => ({
      subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
      intro: `Hallo ${name}, willkommen bei Assista! Bitte bestätigen Sie Ihre E-Mail-Adresse.`,
      action: "E-Mail-Adresse bestätigen",
      outro: "Wenn Sie sich nicht registriert haben, können Sie diese E-Mail ignorieren.",
    }),
    en: ({ name }) => ({
      subject: "Please confirm your e-mail address",
      intro: `Hello ${name}, welcome to Assista! Please confirm your e-mail address.`,
      action: "Confirm e-mail address",
      outro: "If you did not sign up, you can ignore this e-mail.",
    }),
  },
  resetPassword: {
    de: ({ name }) => ({
      subject: "Passwort zurücksetzen",
      intro: `Hallo ${name}, Sie haben ein neues Passwort angefordert.`,
      action: "Neues Passwort festlegen",
      outro:
        "Der Link ist eine Stunde gültig. Wenn Sie nichts angefordert haben, ignorieren Sie diese E-Mail.",
    }),
    en: ({ name }) => ({
      subject: "Reset your password",
      intro: `Hello ${name}, you asked for a new password.`,
      action: "Choose a new password",
      outro: "The link is valid for one hour. If you did not ask for it, ignore this e-mail.",
    }),
  },
};

export type TemplateName = keyof typeof templates;

export function renderMail(
  name: TemplateName,
  locale: Locale,
  params: { name: string; url: string },
): RenderedMail {
  const template = templates[name]?.[locale];
  if (!template) throw new Error(`Unknown mail template ${name}/${locale}`);
  return layoutMail(locale, template(params), params.url);
}

/** The one layout of every mail: a sentence or two, the link, an optional note. */
export function layoutMail(
  locale: Locale,
  t: { subject: string; intro: string; action: string; outro?: string },
  url: string,
): RenderedMail {
  const outro = t.outro ? `${t.outro}\n\n` : "";
  const text = `${t.intro}\n\n${t.action}: ${url}\n\n${outro}— Assista`;
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">
<p>${escapeHtml(t.intro)}</p>
<p><a href="${escapeHtml(url)}">${escapeHtml(t.action)}</a></p>
${t.outro ? `<p style="color:#555">${escapeHtml(t.outro)}</p>` : ""}<p>— Assista</p></body></html>`;
  return { subject: t.subject, text, html };
}
