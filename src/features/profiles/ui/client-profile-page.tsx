import { Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { notify } from "../../../web/layout/notify.ts";
import type { Me } from "../../accounts/schema.ts";
import { ClientProfileForm } from "./client-profile-form.tsx";
import { OwnProfilePage } from "./own-profile-page.tsx";
import { ownClientProfileQuery, saveClientProfile } from "./profile-api.ts";

/** The client's own company and billing details; nobody else sees them. */
export function ClientProfilePage() {
  const { t } = useTranslation();
  return (
    <OwnProfilePage
      title={t("profiles.client.title")}
      forRole="client"
      needRole={t("profiles.client.needRole")}
    >
      {(me) => <Editor me={me} />}
    </OwnProfilePage>
  );
}

function Editor({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(ownClientProfileQuery);
  return (
    <QueryState query={query}>
      {(profile) => (
        <>
          <Text>{t("profiles.client.intro")}</Text>
          <ClientProfileForm
            profile={profile}
            defaults={{ displayName: me.name, timeZone: me.timeZone }}
            onSubmit={async (input) => {
              // An empty VAT id means "none": stored as null, not as "".
              const saved = await saveClientProfile({ ...input, vatId: input.vatId || null });
              queryClient.setQueryData(ownClientProfileQuery.queryKey, saved);
              await notify(t, "green", t("profiles.client.saved"));
            }}
          />
        </>
      )}
    </QueryState>
  );
}
