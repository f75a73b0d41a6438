import { Button, Group, PasswordInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../../web/forms/use-zod-form.ts";
import { changePasswordSchema } from "../../schema.ts";

const passwordOnly = changePasswordSchema.pick({ currentPassword: true });

/** Two-factor changes ask for the password again, so a forgotten open session cannot weaken the account. */
export function PasswordConfirmForm(props: {
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
      <FormAlert error={form.formError} />
      <Group align="flex-end" mt="xs">
        <PasswordInput
          label={t("settings.twoFactor.password")}
          autoComplete="current-password"
          required
          {...form.textProps("currentPassword")}
        />
        <Button type="submit" color={props.color} loading={form.submitting}>
          {props.submitLabel}
        </Button>
      </Group>
    </form>
  );
}
