import i18n from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../../features/accounts/schema.ts";
import de from "./de.json" with { type: "json" };
import en from "./en.json" with { type: "json" };

export const LANGUAGE_STORAGE_KEY = "assista.language";

// Both bundles are a few KB, so they ship with the app instead of a second round-trip before first paint.
// Keyed by Locale, so a locale added to the schema fails the type check until it has translations.
export const resources: Record<Locale, { translation: typeof de }> = {
  de: { translation: de },
  en: { translation: en },
};

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    // Not LOCALES from the schema: importing it would pull zod into the first bundle (resources.test.ts checks they agree).
    supportedLngs: Object.keys(resources),
    fallbackLng: "de",
    interpolation: { escapeValue: false },
    detection: {
      // A choice made here beats the browser; the signed-in user's saved locale beats both (see language.ts).
      order: ["localStorage", "navigator"],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ["localStorage"],
    },
  });

function applyDocumentLanguage(language: string | undefined) {
  // Outside a browser (a test reading the route tree) there is no page to label.
  if (typeof document !== "undefined") document.documentElement.lang = language ?? "de";
}
applyDocumentLanguage(i18n.resolvedLanguage);
i18n.on("languageChanged", () => applyDocumentLanguage(i18n.resolvedLanguage));

export function currentLocale(): Locale {
  return i18n.resolvedLanguage === "en" ? "en" : "de";
}

export default i18n;
