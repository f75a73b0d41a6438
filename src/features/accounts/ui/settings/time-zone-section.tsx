import { Button, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { authClient, unwrap } from "../../../../web/api/auth-client.ts";
import { translateFieldError } from "../../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../../web/forms/use-zod-form.ts";
import { type Me, updateUserSchema } from "../../schema.ts";
import { TimeZoneSelect } from "../time-zone-select.tsx";
import { SettingsSection } from "./settings-section.tsx";
import { useSaved } from "./use-account.ts";

const timeZoneOnly = updateUserSchema.pick({ timeZone: true });

export function TimeZoneSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const saved = useSaved();
  const form = useZodForm(timeZoneOnly, { timeZone: me.timeZone });
  const submit = form.onSubmit(async ({ timeZone }) => {
    await unwrap(authClient.updateUser({ timeZone }));
    await saved();
  });
  return (
    <SettingsSection title={t("settings.timeZone.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" align="flex-start">
          <FormAlert error={form.formError} />
          <TimeZoneSelect
            value={form.values.timeZone ?? me.timeZone}
            onChange={(zone) => form.setValue("timeZone", zone)}
            error={translateFieldError(t, form.errors.timeZone)}
          />
          <Button type="submit" loading={form.submitting}>
            {t("settings.timeZone.save")}
          </Button>
        </Stack>
      </form>
    </SettingsSection>
  );
}
