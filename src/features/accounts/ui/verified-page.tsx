import { Alert, Text } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../web/api/me.ts";
import { ButtonLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";

const route = getRouteApi("/verified");

/** Where the confirmation link lands; Better Auth has signed the person in on the way. */
export function VerifiedPage() {
  const { t } = useTranslation();
  const { error } = route.useSearch();
  const { data: me, isPending } = useMe();

  if (error) {
    return (
      <Page title={t("verified.failedTitle")}>
        <Alert color="red.9" variant="outline" role="alert">
          {t("verified.failed")}
        </Alert>
        <ButtonLink to="/sign-in" search={{}}>
          {t("verified.signIn")}
        </ButtonLink>
      </Page>
    );
  }
  return (
    <Page title={t("verified.title")}>
      <Text>{t("verified.text")}</Text>
      {isPending ? null : me ? (
        <ButtonLink to="/settings">{t("verified.continue")}</ButtonLink>
      ) : (
        <ButtonLink to="/sign-in" search={{}}>
          {t("verified.signIn")}
        </ButtonLink>
      )}
    </Page>
  );
}
