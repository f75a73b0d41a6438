import { Button, Fieldset, Group, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../web/kit/use-locale.ts";
import { type AssistantProfileInput, LANGUAGE_LEVELS } from "../schema.ts";
import { AddFromList } from "./add-from-list.tsx";

type Language = AssistantProfileInput["languages"][number];
type Level = Language["level"];

// The languages assistants here most often work in; the API takes any two-letter code.
const LANGUAGE_CODES = ["de", "en", "fr", "es", "it", "nl", "pl", "pt", "tr", "ru", "uk", "ar", "zh", "ro"];
const MAX_LANGUAGES = 10;

/** Spoken languages, each once, with a level. */
export function LanguagesField(props: {
  value: Language[];
  onChange: (languages: Language[]) => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const name = (code: string) => names.of(code) ?? code;
  const { value } = props;
  const levels = LANGUAGE_LEVELS.map((level) => ({ value: level, label: t(`profiles.levels.${level}`) }));

  return (
    <Fieldset legend={t("profiles.assistant.languages")}>
      <Stack gap="sm">
        {value.map((entry, index) => (
          <Group key={entry.code} align="flex-end">
            <Select
              label={t("profiles.assistant.languageLevel", { language: name(entry.code) })}
              data={levels}
              value={entry.level}
              onChange={(level) =>
                level &&
                props.onChange(value.map((e, i) => (i === index ? { ...e, level: level as Level } : e)))
              }
              allowDeselect={false}
              error={props.error(`languages.${index}.code`)}
            />
            <Button variant="default" onClick={() => props.onChange(value.filter((_, i) => i !== index))}>
              {t("profiles.assistant.removeLanguage", { language: name(entry.code) })}
            </Button>
          </Group>
        ))}
        {value.length === 0 ? <Text c="dimmed">{t("profiles.assistant.noLanguages")}</Text> : null}
        <AddFromList
          label={t("profiles.assistant.newLanguage")}
          addLabel={t("profiles.assistant.addLanguage")}
          options={LANGUAGE_CODES.filter((code) => !value.some((e) => e.code === code))
            .map((code) => ({ value: code, label: name(code) }))
            .sort((a, b) => a.label.localeCompare(b.label, locale))}
          disabled={value.length >= MAX_LANGUAGES}
          onAdd={(code) => props.onChange([...value, { code, level: "fluent" }])}
        />
      </Stack>
    </Fieldset>
  );
}
