import { Select, SimpleGrid } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { apiFetch } from "../../../web/api/http.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { useAction } from "../../../web/kit/use-action.ts";
import { notify } from "../../../web/layout/notify.ts";
import { SettingsSection } from "../../../web/layout/settings-section.tsx";
import {
  DELIVERY_CHANNELS,
  type DeliveryChannel,
  type NotificationType,
  preferencesSchema,
} from "../schema.ts";

const PREFERENCES_KEY = ["notifications", "preferences"] as const;
const PATH = "/api/v1/me/notification-preferences";

/** One select per kind of notification; a change is saved at once (the server keeps the others). */
export function NotificationSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: ({ signal }) => apiFetch(PATH, { schema: preferencesSchema, signal }),
  });
  const { busy, error, run } = useAction<NotificationType>();
  const channels = DELIVERY_CHANNELS.map((value) => ({
    value,
    label: t(`settings.notifications.channels.${value}`),
  }));

  const choose = (type: NotificationType, channel: DeliveryChannel) =>
    run(type, async () => {
      const saved = await apiFetch(PATH, {
        method: "PUT",
        body: { preferences: [{ type, channel }] },
        schema: preferencesSchema,
      });
      queryClient.setQueryData(PREFERENCES_KEY, saved);
      await notify(t, "green", t("common.saved"));
    });

  return (
    <SettingsSection
      title={t("settings.notifications.title")}
      description={t("settings.notifications.description")}
    >
      <FormAlert error={error} />
      <QueryState query={query}>
        {(preferences) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {preferences.map((preference) => (
              <Select
                key={preference.type}
                label={t(`settings.notifications.types.${preference.type}`)}
                data={channels}
                value={preference.channel}
                allowDeselect={false}
                disabled={busy === preference.type}
                onChange={(value) => value && void choose(preference.type, value as DeliveryChannel)}
              />
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </SettingsSection>
  );
}
