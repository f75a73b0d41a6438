import { Box, Burger, Divider, Group, Stack } from "@mantine/core";
import { useId } from "@mantine/hooks";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../../features/accounts/schema.ts";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { ButtonLink } from "./links.tsx";
import { MessagesLink } from "./messages-link.tsx";
import { NavList } from "./nav-list.tsx";
import { NotificationBell } from "./notification-bell.tsx";
import { UserMenu } from "./user-menu.tsx";

const loadMenu = () => import("./phone-menu.tsx");
const PhoneMenu = lazy(() => loadMenu().then((m) => ({ default: m.PhoneMenu })));

/**
 * The header's navigation below the `sm` breakpoint, in one row: the live messages link and the
 * bell, then a burger for a menu with everything else — the sections (nav-items.ts, as the wide
 * screen's sidebar shows them), who is signed in and the language switcher. Choosing a link closes
 * the menu; closing gives focus back to the burger.
 */
export function PhoneNav({ me }: { me: Me | null | undefined }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const burger = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  // The drawer's chunk loads right after the first paint, so the burger opens it without a wait.
  useEffect(() => {
    void loadMenu();
  }, []);

  function close() {
    setOpened(false);
    // As the drawer does itself, but also when it was opened before its chunk arrived.
    burger.current?.focus();
  }
  const inMenu = { onNavigate: close };

  return (
    <Box component="nav" aria-label={t("nav.label")}>
      <Group gap={4} wrap="nowrap">
        {me ? (
          <>
            <MessagesLink compact />
            <NotificationBell compact />
          </>
        ) : null}
        <Burger
          ref={burger}
          className="menu-burger"
          opened={opened}
          onClick={() => setOpened((open) => !open)}
          aria-label={t("nav.menu")}
          aria-expanded={opened}
          aria-controls={menuId}
        />
      </Group>
      {/* Beside the row, not in it: the drawer's (empty while closed) root would take a gap there. */}
      <Suspense fallback={null}>
        <PhoneMenu
          id={menuId}
          opened={opened}
          onClose={close}
          title={t("nav.menu")}
          closeLabel={t("nav.closeMenu")}
        >
          <Stack gap="md">
            <NavList me={me} inMenu={inMenu} />
            <Divider />
            <Stack gap={4}>
              {me ? (
                <UserMenu me={me} inMenu={inMenu} />
              ) : (
                <>
                  <ButtonLink
                    to="/sign-in"
                    search={{}}
                    variant="subtle"
                    fullWidth
                    justify="flex-start"
                    onClick={close}
                  >
                    {t("nav.signIn")}
                  </ButtonLink>
                  <ButtonLink to="/sign-up" search={{}} fullWidth onClick={close}>
                    {t("nav.signUp")}
                  </ButtonLink>
                </>
              )}
            </Stack>
            <Divider />
            <LanguageSwitcher />
          </Stack>
        </PhoneMenu>
      </Suspense>
    </Box>
  );
}
