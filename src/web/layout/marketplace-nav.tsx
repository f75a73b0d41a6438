import { useTranslation } from "react-i18next";
import type { Me } from "../../features/accounts/schema.ts";
import { ButtonLink } from "./links.tsx";
import { MessagesLink } from "./messages-link.tsx";
import { NotificationBell } from "./notification-bell.tsx";

/** The marketplace's header links: the board for everyone, then what each of the user's roles uses. */
export function MarketplaceNav({ me }: { me: Me | null | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <ButtonLink to="/jobs" variant="subtle">
        {t("nav.jobBoard")}
      </ButtonLink>
      {me?.roles.includes("client") ? (
        <ButtonLink to="/my-jobs" variant="subtle">
          {t("nav.myJobs")}
        </ButtonLink>
      ) : null}
      {me?.roles.includes("assistant") ? (
        <ButtonLink to="/my-bids" variant="subtle">
          {t("nav.myBids")}
        </ButtonLink>
      ) : null}
      {me?.roles.includes("assistant") ? (
        <ButtonLink to="/portfolio" variant="subtle">
          {t("nav.portfolio")}
        </ButtonLink>
      ) : null}
      {me ? (
        <>
          <ButtonLink to="/contracts" variant="subtle">
            {t("nav.contracts")}
          </ButtonLink>
          <ButtonLink to="/interviews" variant="subtle">
            {t("nav.interviews")}
          </ButtonLink>
          <MessagesLink />
          <NotificationBell />
        </>
      ) : null}
    </>
  );
}
