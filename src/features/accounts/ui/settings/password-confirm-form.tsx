import { Button, Fieldset, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../../web/forms/form-alert.tsx";
import { PasswordField } from "../../../../web/forms/password-field.tsx";
import { useZodForm } from "../../../../web/forms/use-zod-form.ts";
import { changePasswordSchema } from "../../schema.ts";

const passwordOnly = changePasswordSchema.pick({ currentPassword: true });

/** Two-factor changes ask for the password again, so a forgotten open session cannot weaken the account. */
export function PasswordConfirmForm(props: {
  /** Names the group, which tells apart the several password fields of the two-factor section. */
  legend: string;
  submitLabel: string;
  color?: string;
  onConfirm: (password: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useZodForm(passwordOnly, { currentPassword: "" });
  const submit = form.onSubmit(async ({ currentPassword }) => {
    await props.onConfirm(currentPassword);
    form.setValues({ currentPassword: "" });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend={props.legend} variant="unstyled">
        <FormAlert error={form.formError} />
        <Group align="flex-end" mt="xs">
          <PasswordField
            w={280}
            label={t("settings.twoFactor.password")}
            autoComplete="current-password"
            required
            {...form.textProps("currentPassword")}
          />
          <Button type="submit" color={props.color} loading={form.submitting}>
            {props.submitLabel}
          </Button>
        </Group>
      </Fieldset>
    </form>
  );
}
