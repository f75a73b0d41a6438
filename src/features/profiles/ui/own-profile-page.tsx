import { Loader, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../web/api/me.ts";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import type { Me } from "../../accounts/schema.ts";

/**
 * The frame of a profile editor that belongs to one role: without the role it points to the
 * settings (where a role is added) instead of showing a form the server would refuse.
 */
export function OwnProfilePage(props: {
  title: string;
  forRole: "assistant" | "client";
  needRole: string;
  children: (me: Me) => ReactNode;
}) {
  const { t } = useTranslation();
  // The route guard has loaded the user already; this only waits after a sign-out elsewhere.
  const { data: me } = useMe();
  let body: ReactNode;
  if (!me) body = <Loader role="status" aria-label={t("common.loading")} />;
  else if (!me.roles.includes(props.forRole)) {
    body = (
      <Text>
        {props.needRole} <AnchorLink to="/settings">{t("nav.settings")}</AnchorLink>
      </Text>
    );
  } else body = props.children(me);
  return (
    <Page title={props.title} size="md">
      {body}
    </Page>
  );
}
