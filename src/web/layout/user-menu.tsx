import { Button, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../../features/accounts/schema.ts";
import { ME_KEY } from "../api/me.ts";
import { ButtonLink } from "./links.tsx";
import { type MenuItemProps, menuItem } from "./menu-item.ts";

/**
 * The signed-in part of the header: who is signed in, the profile of each role, settings and
 * sign-out; in a row, or as items of the phone menu (`inMenu`).
 */
export function UserMenu({ me, inMenu }: { me: Me; inMenu?: MenuItemProps }) {
  const { t } = useTranslation();
  const item = menuItem(inMenu);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function signOut() {
    // The auth client loads on demand so the landing page stays light.
    const { authClient } = await import("../api/auth-client.ts");
    await authClient.signOut();
    queryClient.setQueryData(ME_KEY, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    await navigate({ to: "/" });
  }

  return (
    <>
      {inMenu ? (
        <Text fw={600} px="sm">
          {me.name}
        </Text>
      ) : (
        <Text fw={600} visibleFrom="sm">
          {me.name}
        </Text>
      )}
      {me.roles.includes("assistant") ? (
        <ButtonLink to="/profile" variant="subtle" {...item}>
          {t("nav.assistantProfile")}
        </ButtonLink>
      ) : null}
      {me.roles.includes("client") ? (
        <ButtonLink to="/client-profile" variant="subtle" {...item}>
          {t("nav.clientProfile")}
        </ButtonLink>
      ) : null}
      <ButtonLink to="/availability" variant="subtle" {...item}>
        {t("nav.availability")}
      </ButtonLink>
      <ButtonLink to="/settings" variant="subtle" {...item}>
        {t("nav.settings")}
      </ButtonLink>
      <Button
        variant="default"
        fullWidth={inMenu !== undefined}
        onClick={() => {
          inMenu?.onNavigate();
          void signOut();
        }}
      >
        {t("nav.signOut")}
      </Button>
    </>
  );
}
