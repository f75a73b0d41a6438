import { Button, Group, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { authClient, unwrap } from "../../../../web/api/auth-client.ts";
import { FormAlert } from "../../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../../web/forms/use-zod-form.ts";
import { type Me, updateUserSchema } from "../../schema.ts";
import { SettingsSection } from "./settings-section.tsx";
import { useSaved } from "./use-account.ts";

const nameOnly = updateUserSchema.pick({ name: true });

export function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const saved = useSaved();
  const form = useZodForm(nameOnly, { name: me.name });
  const submit = form.onSubmit(async ({ name }) => {
    await unwrap(authClient.updateUser({ name }));
    await saved();
  });
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
