import i18n, { type BackendModule } from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../../features/accounts/schema.ts";

export const LANGUAGE_STORAGE_KEY = "assista.language";

// Each language's texts are ~15 KB gzip, as much as half the landing page's own code: only the
// active one loads, before the first paint (main.tsx waits for `i18nReady`); the other loads when
// someone switches (changeLanguage fetches it before the page re-renders in it).
// Keyed by Locale, so a locale added to the schema fails the type check until it has translations.
const BUNDLES: Record<Locale, () => Promise<{ default: typeof import("./de.json") }>> = {
  de: () => import("./de.json"),
  en: () => import("./en.json"),
};

const bundleBackend: BackendModule = {
  type: "backend",
  init() {},
  read(language, _namespace, callback) {
    const load = BUNDLES[language as Locale];
    if (!load) return callback(null, {});
    load().then(
      (bundle) => callback(null, bundle.default),
      (error: Error) => callback(error, false),
    );
  },
};

/** Settles once the active language's texts are in; the app renders after it. */
export const i18nReady = i18n
  .use(bundleBackend)
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    // Not LOCALES from the schema: importing it would pull zod into the first bundle (resources.test.ts checks they agree).
    supportedLngs: Object.keys(BUNDLES),
    load: "languageOnly",
    // German stands in for a language the app does not have. English needs nothing behind it: both
    // bundles have every key (resources.test.ts), so an English reader never loads the German one.
    fallbackLng: { en: [], default: ["de"] },
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
