import { Button, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../../features/accounts/schema.ts";
import { ME_KEY } from "../api/me.ts";
import { ButtonLink } from "./links.tsx";

/** The signed-in part of the header: who is signed in, the profile of each role, settings and sign-out. */
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
    <>
      <Text fw={600} visibleFrom="sm">
        {me.name}
      </Text>
      {me.roles.includes("assistant") ? (
        <ButtonLink to="/profile" variant="subtle">
          {t("nav.assistantProfile")}
        </ButtonLink>
      ) : null}
      {me.roles.includes("client") ? (
        <ButtonLink to="/client-profile" variant="subtle">
          {t("nav.clientProfile")}
        </ButtonLink>
      ) : null}
      <ButtonLink to="/availability" variant="subtle">
        {t("nav.availability")}
      </ButtonLink>
      <ButtonLink to="/settings" variant="subtle">
        {t("nav.settings")}
      </ButtonLink>
      <Button variant="default" onClick={() => void signOut()}>
        {t("nav.signOut")}
      </Button>
    </>
  );
}
