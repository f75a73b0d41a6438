import { Button, Menu, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LOCALES } from "../../features/accounts/schema.ts";
import { currentLocale } from "../i18n/index.ts";
import { useSwitchLanguage } from "../i18n/language.ts";

// Language names are written in their own language, so each is recognisable whatever is active.
export const LANGUAGE_NAMES = { de: "Deutsch", en: "English" } as const;

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const switchLanguage = useSwitchLanguage();
  const active = currentLocale();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="subtle" size="compact-md">
          <VisuallyHidden>{t("language.current")} </VisuallyHidden>
          {LANGUAGE_NAMES[active]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            aria-current={locale === active ? "true" : undefined}
            onClick={() => void switchLanguage(locale)}
          >
            {LANGUAGE_NAMES[locale]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
