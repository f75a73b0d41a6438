import { Loader } from "@mantine/core";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../../web/api/me.ts";
import { WEB_FEATURES } from "../../../../web/features.ts";
import { Page } from "../../../../web/layout/page.tsx";
import type { WebFeature } from "../../../../web/routes/web-feature.ts";
import { LanguageSection } from "./language-section.tsx";
import { PasswordSection } from "./password-section.tsx";
import { ProfileSection } from "./profile-section.tsx";
import { RolesSection } from "./roles-section.tsx";
import { SessionsSection } from "./sessions-section.tsx";
import { TimeZoneSection } from "./time-zone-section.tsx";
import { TwoFactorSection } from "./two-factor-section.tsx";

/** Sections other features add to the settings (each loads with this page, not before). */
const FEATURE_SECTIONS = WEB_FEATURES.flatMap((f: WebFeature) => f.settings ?? []);

export function SettingsPage() {
  const { t } = useTranslation();
  // The route guard has loaded the user already; this only waits after a sign-out elsewhere.
  const { data: me } = useMe();
  return (
    <Page title={t("settings.title")} size="md">
      {me ? (
        <>
          <ProfileSection me={me} />
          <LanguageSection />
          <TimeZoneSection me={me} />
          <RolesSection me={me} />
          {FEATURE_SECTIONS.map(({ id, Section }) => (
            <Suspense key={id} fallback={<Loader role="status" aria-label={t("common.loading")} />}>
              <Section />
            </Suspense>
          ))}
          <PasswordSection />
          <TwoFactorSection me={me} />
          <SessionsSection me={me} />
        </>
      ) : (
        <Loader role="status" aria-label={t("common.loading")} />
      )}
    </Page>
  );
}
