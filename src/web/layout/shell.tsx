import { AppShell, Group } from "@mantine/core";
import { Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useMe } from "../api/me.ts";
import { useUserLocale } from "../i18n/language.ts";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { AnchorLink, ButtonLink } from "./links.tsx";
import { UserMenu } from "./user-menu.tsx";

export function Shell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  useUserLocale(me);
  return (
    <AppShell header={{ height: 64 }} padding={0}>
      <AppShell.Header>
        <a className="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <AnchorLink to="/" fw={700} fz="xl" underline="never" c="var(--mantine-color-text)">
            {t("app.name")}
          </AnchorLink>
          <Group gap="xs" wrap="nowrap" component="nav" aria-label={t("nav.label")}>
            <LanguageSwitcher />
            {me ? (
              <UserMenu me={me} />
            ) : (
              <>
                <ButtonLink to="/sign-in" search={{}} variant="subtle">
                  {t("nav.signIn")}
                </ButtonLink>
                <ButtonLink to="/sign-up" search={{}}>
                  {t("nav.signUp")}
                </ButtonLink>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
