import { Button, Group, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../../web/forms/form-alert.tsx";
import { SettingsSection } from "../../../../web/layout/settings-section.tsx";
import type { Me } from "../../schema.ts";
import { useProfileForm } from "./use-account.ts";

export function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { form, submit } = useProfileForm({ name: me.name });
  return (
    <SettingsSection title={t("settings.profile.title")}>
      <form onSubmit={submit} noValidate>
        <FormAlert error={form.formError} />
        <Group align="flex-end">
          <TextInput
            label={t("settings.profile.name")}
            autoComplete="name"
            required
            {...form.textProps("name")}
          />
          <Button type="submit" loading={form.submitting}>
            {t("settings.profile.save")}
          </Button>
        </Group>
      </form>
      <TextInput label={t("settings.profile.email")} value={me.email} readOnly variant="filled" />
    </SettingsSection>
  );
}
