import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../features/accounts/schema.ts";
import { useLanguageChoice } from "../i18n/language.ts";

// Language names are written in their own language, so each is recognisable whatever is active.
// A Record over Locale, so a new locale must get a name here before the app type-checks.
export const LANGUAGE_NAMES: Record<Locale, string> = { de: "Deutsch", en: "English" };
export const LANGUAGES = Object.keys(LANGUAGE_NAMES) as Locale[];

/** Two toggle buttons rather than a menu: with two languages a popover (and its ~20 KB) buys nothing. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { active, choose } = useLanguageChoice();
  return (
    <Group gap={2} role="group" aria-label={t("language.label")} wrap="nowrap">
      {LANGUAGES.map((locale) => (
        <Button
          key={locale}
          size="compact-sm"
          variant={locale === active ? "filled" : "subtle"}
          lang={locale}
          aria-pressed={locale === active}
          onClick={() => void choose(locale)}
        >
          {LANGUAGE_NAMES[locale]}
        </Button>
      ))}
    </Group>
  );
}
