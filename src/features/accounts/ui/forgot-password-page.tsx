import { Button, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authClient, unwrap } from "../../../web/api/auth-client.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { signInSchema } from "../schema.ts";

const emailOnly = signInSchema.pick({ email: true });

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const form = useZodForm(emailOnly, { email: "" });

  const submit = form.onSubmit(async ({ email }) => {
    await unwrap(authClient.requestPasswordReset({ email, redirectTo: "/reset-password" }));
    setSent(true);
  });

  return (
    <Page title={t("forgot.title")}>
      {sent ? (
        // Same answer whether or not the address has an account, so the form reveals nothing.
        <Text role="status">{t("forgot.sent")}</Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{t("forgot.text")}</Text>
            <FormAlert error={form.formError} />
            <TextInput
              label={t("forgot.email")}
              type="email"
              autoComplete="email"
              required
              {...form.textProps("email")}
            />
            <Button type="submit" loading={form.submitting}>
              {t("forgot.submit")}
            </Button>
          </Stack>
        </form>
      )}
      <AnchorLink to="/sign-in" search={{}}>
        {t("forgot.back")}
      </AnchorLink>
    </Page>
  );
}
