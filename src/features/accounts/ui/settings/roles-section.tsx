import { Badge, Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiFetch } from "../../../../web/api/http.ts";
import type { ApiError } from "../../../../web/api/problem.ts";
import { toApiError } from "../../../../web/api/problem-parse.ts";
import { FormAlert } from "../../../../web/forms/form-alert.tsx";
import { SettingsSection } from "../../../../web/layout/settings-section.tsx";
import { type Me, meSchema, SELF_SERVICE_ROLES, type SelfServiceRole } from "../../schema.ts";
import { useSaved } from "./use-account.ts";

export function RolesSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const saved = useSaved();
  const [busy, setBusy] = useState<SelfServiceRole | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const missing = SELF_SERVICE_ROLES.filter((role) => !me.roles.includes(role));

  async function add(role: SelfServiceRole) {
    setBusy(role);
    setError(null);
    try {
      await saved(await apiFetch("/api/v1/me/roles", { method: "POST", body: { role }, schema: meSchema }));
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(null);
    }
  }

  return (
    <SettingsSection title={t("settings.roles.title")} description={t("settings.roles.description")}>
      <FormAlert error={error} />
      <Group gap="xs" aria-label={t("settings.roles.current")} role="list">
        {me.roles.map((role) => (
          <Badge key={role} size="lg" variant="filled" color="blue.9" role="listitem">
            {t(`roles.${role}`)}
          </Badge>
        ))}
      </Group>
      {missing.length === 0 ? (
        <Text>{t("settings.roles.all")}</Text>
      ) : (
        <Group>
          {missing.map((role) => (
            <Button key={role} variant="outline" loading={busy === role} onClick={() => void add(role)}>
              {t(`settings.roles.add.${role}`)}
            </Button>
          ))}
        </Group>
      )}
    </SettingsSection>
  );
}
