import { Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { authClient, unwrap } from "../../../../web/api/auth-client.ts";
import { FormAlert } from "../../../../web/forms/form-alert.tsx";
import { PasswordField } from "../../../../web/forms/password-field.tsx";
import { useZodForm } from "../../../../web/forms/use-zod-form.ts";
import { SettingsSection } from "../../../../web/layout/settings-section.tsx";
import { changePasswordSchema, PASSWORD_MAX, PASSWORD_MIN } from "../../schema.ts";
import { useSaved } from "./use-account.ts";

const EMPTY = { currentPassword: "", newPassword: "" };

export function PasswordSection() {
  const { t } = useTranslation();
  const saved = useSaved();
  const form = useZodForm(changePasswordSchema, EMPTY);
  const submit = form.onSubmit(async (body) => {
    await unwrap(authClient.changePassword(body));
    form.setValues(EMPTY);
    await saved();
  });
  return (
    <SettingsSection title={t("settings.password.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={420}>
          <FormAlert error={form.formError} />
          <PasswordField
            label={t("settings.password.current")}
            autoComplete="current-password"
            required
            {...form.textProps("currentPassword")}
          />
          <PasswordField
            label={t("settings.password.new")}
            description={t("signUp.passwordRule", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
            autoComplete="new-password"
            required
            {...form.textProps("newPassword")}
          />
          {/* Not a choice: the server ends the other sessions on every change of password. */}
          <Text size="sm">{t("settings.password.othersSignedOut")}</Text>
          <Button type="submit" loading={form.submitting} style={{ alignSelf: "flex-start" }}>
            {t("settings.password.save")}
          </Button>
        </Stack>
      </form>
    </SettingsSection>
  );
}
