import i18n from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale } from "../../features/accounts/schema.ts";
import de from "./de.json" with { type: "json" };
import en from "./en.json" with { type: "json" };

export const LANGUAGE_STORAGE_KEY = "assista.language";

// Both bundles are a few KB, so they ship with the app instead of a second round-trip before first paint.
void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { de: { translation: de }, en: { translation: en } },
    supportedLngs: [...LOCALES],
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
  document.documentElement.lang = language ?? "de";
}
applyDocumentLanguage(i18n.resolvedLanguage);
i18n.on("languageChanged", () => applyDocumentLanguage(i18n.resolvedLanguage));

export function currentLocale(): Locale {
  return i18n.resolvedLanguage === "en" ? "en" : "de";
}

export default i18n;
