import { Button, Radio, Stack, Text, TextInput } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authClient, unwrap } from "../../../web/api/auth-client.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { PasswordField } from "../../../web/forms/password-field.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { currentLocale } from "../../../web/i18n/index.ts";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { PASSWORD_MAX, PASSWORD_MIN, type SelfServiceRole, signUpSchema } from "../schema.ts";
import { CheckMail } from "./check-mail.tsx";
import { browserTimeZone, TimeZoneSelect } from "./time-zone-select.tsx";

const route = getRouteApi("/sign-up");

export function SignUpPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useZodForm(signUpSchema, {
    name: "",
    email: "",
    password: "",
    role: search.role ?? "client",
    timeZone: browserTimeZone(),
  });

  if (sentTo) return <CheckMail email={sentTo} />;

  const submit = form.onSubmit(
    async (body) => {
      // $fetch because `role` is ours, not a Better Auth user field the typed signUp.email knows.
      await unwrap(authClient.$fetch("/sign-up/email", { method: "POST", body }));
      setSentTo(body.email);
    },
    () => ({ locale: currentLocale(), callbackURL: "/verified" }),
  );

  return (
    <Page title={t("signUp.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert error={form.formError} />
          <TextInput label={t("signUp.name")} autoComplete="name" required {...form.textProps("name")} />
          <TextInput
            label={t("signUp.email")}
            type="email"
            autoComplete="email"
            required
            {...form.textProps("email")}
          />
          <PasswordField
            label={t("signUp.password")}
            description={t("signUp.passwordRule", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
            autoComplete="new-password"
            required
            {...form.textProps("password")}
          />
          <Radio.Group
            label={t("signUp.role")}
            value={form.values.role}
            onChange={(role) => form.setValue("role", role as SelfServiceRole)}
            required
          >
            <Stack gap="xs" mt="xs">
              <Radio value="client" label={t("roles.client")} description={t("signUp.roleClient")} />
              <Radio value="assistant" label={t("roles.assistant")} description={t("signUp.roleAssistant")} />
            </Stack>
          </Radio.Group>
          <TimeZoneSelect
            value={form.values.timeZone ?? ""}
            onChange={(zone) => form.setValue("timeZone", zone)}
          />
          <Button type="submit" loading={form.submitting}>
            {t("signUp.submit")}
          </Button>
          <Text>
            {t("signUp.haveAccount")}{" "}
            <AnchorLink to="/sign-in" search={{}}>
              {t("signUp.signIn")}
            </AnchorLink>
          </Text>
        </Stack>
      </form>
    </Page>
  );
}
