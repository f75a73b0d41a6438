import { Button, Checkbox, Group, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authClient, unwrap } from "../../../web/api/auth-client.ts";
import { meQuery } from "../../../web/api/me.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { PasswordField } from "../../../web/forms/password-field.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { signInSchema } from "../schema.ts";
import { TwoFactorStep } from "./two-factor-step.tsx";

const route = getRouteApi("/sign-in");

export function SignInPage() {
  const { t } = useTranslation();
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [needsCode, setNeedsCode] = useState(false);
  const form = useZodForm(signInSchema, { email: "", password: "", rememberMe: true });

  async function finish() {
    // The shell and the guarded routes read the user from this query; fetch it before moving on.
    await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    await navigate({ href: redirect ?? "/settings" });
  }

  const submit = form.onSubmit(async (body) => {
    const result = await unwrap(authClient.signIn.email(body));
    if ("twoFactorRedirect" in result && result.twoFactorRedirect) setNeedsCode(true);
    else await finish();
  });

  if (needsCode) return <TwoFactorStep onDone={finish} />;

  return (
    <Page title={t("signIn.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert error={form.formError} />
          <TextInput
            label={t("signIn.email")}
            type="email"
            autoComplete="email"
            required
            {...form.textProps("email")}
          />
          <PasswordField
            label={t("signIn.password")}
            autoComplete="current-password"
            required
            {...form.textProps("password")}
          />
          <Group justify="space-between">
            <Checkbox
              label={t("signIn.rememberMe")}
              checked={form.values.rememberMe ?? false}
              onChange={(event) => form.setValue("rememberMe", event.currentTarget.checked)}
            />
            <AnchorLink to="/forgot-password">{t("signIn.forgot")}</AnchorLink>
          </Group>
          <Button type="submit" loading={form.submitting}>
            {t("signIn.submit")}
          </Button>
          <Text>
            {t("signIn.noAccount")}{" "}
            <AnchorLink to="/sign-up" search={{}}>
              {t("signIn.signUp")}
            </AnchorLink>
          </Text>
        </Stack>
      </form>
    </Page>
  );
}
