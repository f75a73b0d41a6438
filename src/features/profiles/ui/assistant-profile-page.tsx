import { Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { notify } from "../../../web/layout/notify.ts";
import type { Me } from "../../accounts/schema.ts";
import { AssistantProfileForm } from "./assistant-profile-form.tsx";
import { OwnProfilePage } from "./own-profile-page.tsx";
import { PhotoField } from "./photo-field.tsx";
import { assistantProfileSaved, ownAssistantProfileQuery, saveAssistantProfile } from "./profile-api.ts";

/** The assistant's own profile editor; the first save creates the public profile. */
export function AssistantProfilePage() {
  const { t } = useTranslation();
  return (
    <OwnProfilePage
      title={t("profiles.assistant.title")}
      forRole="assistant"
      needRole={t("profiles.assistant.needRole")}
    >
      {(me) => <Editor me={me} />}
    </OwnProfilePage>
  );
}

function Editor({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(ownAssistantProfileQuery(me.id));
  return (
    <QueryState query={query}>
      {(profile) => (
        <>
          {profile ? (
            <>
              <Text>
                <AnchorLink to="/assistants/$userId" params={{ userId: me.id }}>
                  {t("profiles.assistant.viewPublic")}
                </AnchorLink>
              </Text>
              <PhotoField profile={profile} />
            </>
          ) : (
            <Text>{t("profiles.assistant.intro")}</Text>
          )}
          <AssistantProfileForm
            profile={profile}
            timeZone={me.timeZone}
            onSubmit={async (input) => {
              assistantProfileSaved(queryClient, await saveAssistantProfile(input));
              await notify(t, "green", t("profiles.assistant.saved"));
            }}
          />
        </>
      )}
    </QueryState>
  );
}
