import { Badge, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authClient, unwrap } from "../../../../web/api/auth-client.ts";
import { SettingsSection } from "../../../../web/layout/settings-section.tsx";
import type { Me } from "../../schema.ts";
import { PasswordConfirmForm } from "./password-confirm-form.tsx";
import { RecoveryCodes } from "./recovery-codes.tsx";
import { TwoFactorSetup } from "./two-factor-setup.tsx";
import { useSaved } from "./use-account.ts";

export function TwoFactorSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const saved = useSaved();
  const [newCodes, setNewCodes] = useState<string[] | null>(null);

  return (
    <SettingsSection title={t("settings.twoFactor.title")} description={t("settings.twoFactor.description")}>
      <Group gap="xs">
        <Text>{t("settings.twoFactor.status")}</Text>
        <Badge color={me.twoFactorEnabled ? "teal.9" : "gray.7"} variant="filled">
          {me.twoFactorEnabled ? t("settings.twoFactor.on") : t("settings.twoFactor.off")}
        </Badge>
      </Group>
      {me.twoFactorEnabled ? (
        <Stack gap="lg">
          {newCodes ? <RecoveryCodes codes={newCodes} /> : null}
          <PasswordConfirmForm
            legend={t("settings.twoFactor.newCodes")}
            submitLabel={t("settings.twoFactor.generate")}
            onConfirm={async (password) => {
              const result = await unwrap(authClient.twoFactor.generateBackupCodes({ password }));
              setNewCodes(result.backupCodes);
            }}
          />
          <PasswordConfirmForm
            legend={t("settings.twoFactor.disableTitle")}
            submitLabel={t("settings.twoFactor.disable")}
            color="red.9"
            onConfirm={async (password) => {
              await unwrap(authClient.twoFactor.disable({ password }));
              setNewCodes(null);
              await saved();
            }}
          />
        </Stack>
      ) : (
        <TwoFactorSetup onEnabled={saved} />
      )}
    </SettingsSection>
  );
}
