import { Box, Group } from "@mantine/core";
import { Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useMe } from "../api/me.ts";
import { useUserLocale } from "../i18n/language.ts";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { AnchorLink, ButtonLink } from "./links.tsx";
import { MarketplaceNav } from "./marketplace-nav.tsx";
import { useLive } from "./use-live.ts";
import { UserMenu } from "./user-menu.tsx";

// Plain header/main landmarks instead of Mantine's AppShell, which brings scroll locking the app
// does not use and costs the landing page ~10 KB gzip.
export function Shell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  useUserLocale(me);
  useLive(me?.id);
  return (
    <>
      <Box component="header" className="app-header">
        <a className="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <Group mih="4rem" px="md" py="xs" justify="space-between" gap="xs">
          <AnchorLink to="/" fw={700} fz="xl" underline="never" c="var(--mantine-color-text)">
            {t("app.name")}
          </AnchorLink>
          <Group gap="xs" justify="flex-end" component="nav" aria-label={t("nav.label")}>
            <MarketplaceNav me={me} />
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
      </Box>
      <Box component="main" id="main" tabIndex={-1}>
        <Outlet />
      </Box>
    </>
  );
}
