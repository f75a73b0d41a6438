import { Button, Menu } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../../features/accounts/schema.ts";
import { ME_KEY } from "../api/me.ts";

export function UserMenu({ me }: { me: Me }) {
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
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" aria-label={t("nav.accountOf", { name: me.name })}>
          {me.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void navigate({ to: "/settings" })}>{t("nav.settings")}</Menu.Item>
        <Menu.Item onClick={() => void signOut()}>{t("nav.signOut")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
