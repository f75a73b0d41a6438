import { Button, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../../features/accounts/schema.ts";
import { ME_KEY } from "../api/me.ts";
import type { MenuItemProps } from "./menu-item.ts";

/**
 * Who is signed in and the way out: in the header's row, or in the phone menu (`inMenu`). The
 * account's pages (profiles, settings) are sections of the navigation (nav-items.ts).
 */
export function UserMenu({ me, inMenu }: { me: Me; inMenu?: MenuItemProps }) {
  const { t } = useTranslation();
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
        // The header stays one row whatever the name's length; the whole name is its title.
        <Text fw={600} truncate="end" maw="14rem" title={me.name}>
          {me.name}
        </Text>
      )}
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
