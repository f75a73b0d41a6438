import { Button, Checkbox, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authClient, unwrap } from "../../../web/api/auth-client.ts";
import { Page } from "../../../web/layout/page.tsx";
import { CodeForm } from "./code-form.tsx";

/** Second sign-in step: a code from the authenticator app, or one of the saved recovery codes. */
export function TwoFactorStep({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const [trustDevice, setTrustDevice] = useState(false);

  async function verify(code: string) {
    await unwrap(
      useRecovery
        ? authClient.twoFactor.verifyBackupCode({ code, trustDevice })
        : authClient.twoFactor.verifyTotp({ code, trustDevice }),
    );
    await onDone();
  }

  return (
    <Page title={t("twoFactor.title")}>
      <Text>{useRecovery ? t("twoFactor.recoveryHint") : t("twoFactor.codeHint")}</Text>
      {/* keyed by mode so switching clears the typed code and any error */}
      <CodeForm
        key={String(useRecovery)}
        label={useRecovery ? t("twoFactor.recoveryCode") : t("twoFactor.code")}
        submitLabel={t("twoFactor.submit")}
        numeric={!useRecovery}
        verify={verify}
      >
        <Checkbox
          label={t("twoFactor.trustDevice")}
          checked={trustDevice}
          onChange={(event) => setTrustDevice(event.currentTarget.checked)}
        />
      </CodeForm>
      <Button
        variant="subtle"
        style={{ alignSelf: "flex-start" }}
        onClick={() => setUseRecovery((value) => !value)}
      >
        {useRecovery ? t("twoFactor.useApp") : t("twoFactor.useRecovery")}
      </Button>
    </Page>
  );
}
