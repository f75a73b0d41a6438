import { Box, Group, useMantineTheme } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../../features/accounts/schema.ts";
import { RingingBanner } from "../../features/calls/ui/ringing-banner.tsx";
import { useMe } from "../api/me.ts";
import { useUserLocale } from "../i18n/language.ts";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { AnchorLink, ButtonLink } from "./links.tsx";
import { MarketplaceNav } from "./marketplace-nav.tsx";
import { PhoneNav } from "./phone-nav.tsx";
import { useLive } from "./use-live.ts";
import { UserMenu } from "./user-menu.tsx";

// Plain header/main landmarks instead of Mantine's AppShell, which brings scroll locking the app
// does not use and costs the landing page ~10 KB gzip.
export function Shell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  useUserLocale(me);
  useLive(me?.id);
  // Read at once rather than after the first paint, so a phone never flashes the wide header.
  const wide = useMediaQuery(`(min-width: ${useMantineTheme().breakpoints.sm})`, true, {
    getInitialValueInEffect: false,
  });
  return (
    <>
      <Box component="header" className="app-header">
        <a className="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <Group mih="4rem" px="md" py="xs" justify="space-between" gap="xs" wrap={wide ? "wrap" : "nowrap"}>
          <AnchorLink to="/" fw={700} fz="xl" underline="never" c="var(--mantine-color-text)">
            {t("app.name")}
          </AnchorLink>
          {wide ? <WideNav me={me} /> : <PhoneNav me={me} />}
        </Group>
      </Box>
      {me ? <RingingBanner key={me.id} /> : null}
      <Box component="main" id="main" tabIndex={-1}>
        <Outlet />
      </Box>
    </>
  );
}

/** The header's navigation from the `sm` breakpoint up: every link in a row, wrapping if need be. */
function WideNav({ me }: { me: Me | null | undefined }) {
  const { t } = useTranslation();
  return (
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
  );
}
