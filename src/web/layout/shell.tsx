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
import { MessagesLink } from "./messages-link.tsx";
import { visibleTo } from "./nav-items.ts";
import { NavList, useNavItems } from "./nav-list.tsx";
import { NotificationBell } from "./notification-bell.tsx";
import { PhoneNav } from "./phone-nav.tsx";
import { useLive } from "./use-live.ts";
import { UserMenu } from "./user-menu.tsx";

// Plain header/nav/main landmarks in a CSS grid instead of Mantine's AppShell, which brings scroll
// locking the app does not use and costs the landing page ~10 KB gzip. Signed in on a wide screen:
// a one-row header (live counts, language, who is signed in) over the sections in a sidebar
// (nav-items.ts); on a phone the header's burger holds the same sections (phone-nav.tsx).
export function Shell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  useUserLocale(me);
  useLive(me?.id);
  // Read at once rather than after the first paint, so a phone never flashes the wide header.
  const wide = useMediaQuery(`(min-width: ${useMantineTheme().breakpoints.sm})`, true, {
    getInitialValueInEffect: false,
  });
  const sidebar = wide && Boolean(me);
  return (
    <div className="app-frame" data-sidebar={sidebar || undefined}>
      <Box component="header" className="app-header">
        <a className="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <Group mih="4rem" px="md" py="xs" justify="space-between" gap="xs" wrap="nowrap">
          <AnchorLink to="/" fw={700} fz="xl" underline="never" c="var(--mantine-color-text)">
            {t("app.name")}
          </AnchorLink>
          {wide ? <WideNav me={me} /> : <PhoneNav me={me} />}
        </Group>
      </Box>
      {sidebar ? (
        <nav className="app-sidebar" aria-label={t("nav.sections")}>
          <NavList me={me} />
        </nav>
      ) : null}
      <Box component="main" id="main" tabIndex={-1} className="app-main">
        {/* In the page's flow (sticky while scrolling), so it never covers the navigation. */}
        {me ? <RingingBanner key={me.id} /> : null}
        <Outlet />
      </Box>
    </div>
  );
}

/**
 * The header's row from the `sm` breakpoint up. Signed in: the live messages link, the bell, the
 * language and the account (the sections are in the sidebar). A visitor: the public sections and
 * the way in.
 */
function WideNav({ me }: { me: Me | null | undefined }) {
  const { t } = useTranslation();
  const navItems = useNavItems();
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap" component="nav" aria-label={t("nav.label")}>
      {me ? (
        <>
          <MessagesLink />
          <NotificationBell />
          <LanguageSwitcher />
          <UserMenu me={me} />
        </>
      ) : (
        <>
          {navItems
            .filter((item) => visibleTo(item, null))
            .map((item) => (
              <ButtonLink key={item.label} to={item.to} variant="subtle">
                {t(item.label)}
              </ButtonLink>
            ))}
          <LanguageSwitcher />
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
