import { Tabs, Text, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BioText } from "./bio-text.tsx";

/** The bio with a preview tab that renders it exactly as the public page will. */
export function BioField(props: {
  value: string;
  onChange: (bio: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Tabs defaultValue="write" keepMounted={false}>
      <Tabs.List aria-label={t("profiles.assistant.bio")}>
        <Tabs.Tab value="write">{t("profiles.assistant.bioWrite")}</Tabs.Tab>
        <Tabs.Tab value="preview">{t("profiles.assistant.bioPreview")}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="xs">
        <Textarea
          label={t("profiles.assistant.bio")}
          description={t("profiles.assistant.bioHint")}
          autosize
          minRows={6}
          name="bio"
          value={props.value}
          onChange={(event) => props.onChange(event.currentTarget.value)}
          error={props.error}
        />
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        {props.value.trim() ? (
          <BioText bio={props.value} />
        ) : (
          <Text c="dimmed">{t("profiles.assistant.bioEmpty")}</Text>
        )}
      </Tabs.Panel>
    </Tabs>
  );
}
