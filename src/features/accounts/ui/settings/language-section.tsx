import { Radio, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLanguageChoice } from "../../../../web/i18n/language.ts";
import { LANGUAGE_NAMES } from "../../../../web/layout/language-switcher.tsx";
import { notify } from "../../../../web/layout/notify.ts";
import { SettingsSection } from "../../../../web/layout/settings-section.tsx";
import { LOCALES, type Locale } from "../../schema.ts";

/** Takes effect at once: the page re-renders in the chosen language, and the account remembers it. */
export function LanguageSection() {
  const { t } = useTranslation();
  const { active, choose } = useLanguageChoice();
  async function pick(value: string) {
    await choose(value as Locale);
    await notify(t, "green", t("common.saved"));
  }
  return (
    <SettingsSection title={t("settings.language.title")} description={t("settings.language.description")}>
      <Radio.Group label={t("settings.language.label")} value={active} onChange={(value) => void pick(value)}>
        <Stack gap="xs" mt="xs">
          {LOCALES.map((locale) => (
            <Radio key={locale} value={locale} label={LANGUAGE_NAMES[locale]} lang={locale} />
          ))}
        </Stack>
      </Radio.Group>
    </SettingsSection>
  );
}
