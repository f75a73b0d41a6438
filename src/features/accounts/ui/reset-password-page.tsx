import { Alert, Button, Stack, Text } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authClient, unwrap } from "../../../web/api/auth-client.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { PasswordField } from "../../../web/forms/password-field.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { AnchorLink, ButtonLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { PASSWORD_MAX, PASSWORD_MIN, resetPasswordSchema } from "../schema.ts";

const route = getRouteApi("/reset-password");

/** Landing page of the reset mail's link, which carries the token (or an error for a stale link). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token, error } = route.useSearch();
  const [done, setDone] = useState(false);
  const form = useZodForm(resetPasswordSchema, { newPassword: "", token: token ?? "" });

  if (done) {
    return (
      <Page title={t("reset.doneTitle")}>
        <Text role="status">{t("reset.done")}</Text>
        <ButtonLink to="/sign-in" search={{}}>
          {t("reset.signIn")}
        </ButtonLink>
      </Page>
    );
  }
  if (error || !token) {
    return (
      <Page title={t("reset.title")}>
        <Alert color="red.9" variant="outline" role="alert">
          {t("reset.invalidLink")}
        </Alert>
        <AnchorLink to="/forgot-password">{t("reset.again")}</AnchorLink>
      </Page>
    );
  }

  const submit = form.onSubmit(async (body) => {
    await unwrap(authClient.resetPassword(body));
    setDone(true);
  });

  return (
    <Page title={t("reset.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert error={form.formError} />
          <PasswordField
            label={t("reset.newPassword")}
            description={t("signUp.passwordRule", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
            autoComplete="new-password"
            required
            {...form.textProps("newPassword")}
          />
          <Button type="submit" loading={form.submitting}>
            {t("reset.submit")}
          </Button>
        </Stack>
      </form>
    </Page>
  );
}
