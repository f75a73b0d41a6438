import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { availabilityQuery } from "./availability-api.ts";
import { AvailabilityForm } from "./availability-form.tsx";
import { FeedsSection } from "./feeds-section.tsx";
import { ImportsSection } from "./imports-section.tsx";

/** When one can meet for interviews: hours, exceptions, calendars counted as busy, and links to subscribe to. */
export function AvailabilityPage() {
  const { t } = useTranslation();
  const query = useQuery(availabilityQuery);
  return (
    <Page title={t("availability.title")} size="md">
      <QueryState query={query}>
        {(availability) => <AvailabilityForm availability={availability} />}
      </QueryState>
      <ImportsSection />
      <FeedsSection />
    </Page>
  );
}
