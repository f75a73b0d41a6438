import { Button, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { translateFieldError } from "../../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../../web/forms/form-alert.tsx";
import { SettingsSection } from "../../../../web/layout/settings-section.tsx";
import type { Me } from "../../schema.ts";
import { TimeZoneSelect } from "../time-zone-select.tsx";
import { useProfileForm } from "./use-account.ts";

export function TimeZoneSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { form, submit } = useProfileForm({ timeZone: me.timeZone });
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
