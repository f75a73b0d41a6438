import { useTranslation } from "react-i18next";
import type { Me } from "../../features/accounts/schema.ts";
import { ButtonLink } from "./links.tsx";
import { type MenuItemProps, menuItem } from "./menu-item.ts";
import { MessagesLink } from "./messages-link.tsx";
import { NotificationBell } from "./notification-bell.tsx";

/** The board for everyone, then what each of the user's roles uses; in a row, or as menu items. */
export function MarketplaceLinks({ me, inMenu }: { me: Me | null | undefined; inMenu?: MenuItemProps }) {
  const { t } = useTranslation();
  const item = menuItem(inMenu);
  return (
    <>
      <ButtonLink to="/jobs" variant="subtle" {...item}>
        {t("nav.jobBoard")}
      </ButtonLink>
      {me?.roles.includes("client") ? (
        <ButtonLink to="/my-jobs" variant="subtle" {...item}>
          {t("nav.myJobs")}
        </ButtonLink>
      ) : null}
      {me?.roles.includes("assistant") ? (
        <ButtonLink to="/my-bids" variant="subtle" {...item}>
          {t("nav.myBids")}
        </ButtonLink>
      ) : null}
      {me?.roles.includes("assistant") ? (
        <ButtonLink to="/portfolio" variant="subtle" {...item}>
          {t("nav.portfolio")}
        </ButtonLink>
      ) : null}
      {me ? (
        <ButtonLink to="/contracts" variant="subtle" {...item}>
          {t("nav.contracts")}
        </ButtonLink>
      ) : null}
      {me ? (
        <ButtonLink to="/interviews" variant="subtle" {...item}>
          {t("nav.interviews")}
        </ButtonLink>
      ) : null}
    </>
  );
}

/** The marketplace's header links on a wide screen: the links above, then messages and the bell. */
export function MarketplaceNav({ me }: { me: Me | null | undefined }) {
  return (
    <>
      <MarketplaceLinks me={me} />
      {me ? (
        <>
          <MessagesLink />
          <NotificationBell />
        </>
      ) : null}
    </>
  );
}
