import { PasswordInput, type PasswordInputProps } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * Mantine's password input with its show/hide button named in the interface language (the default is
 * English), and with aria-invalid on error, which Mantine 9 sets on every input but this one.
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ "aria-label": t("common.togglePassword") }}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}
