import { Button, Code, Stack, Text } from "@mantine/core";
import { QRCodeSVG } from "qrcode.react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authClient, unwrap } from "../../../../web/api/auth-client.ts";
import { CodeForm } from "../code-form.tsx";
import { PasswordConfirmForm } from "./password-confirm-form.tsx";
import { RecoveryCodes } from "./recovery-codes.tsx";

type Enrolment = { totpURI: string; backupCodes: string[] };

/** Enabling takes three steps: password, then scan and prove one code, then keep the recovery codes. */
export function TwoFactorSetup({ onEnabled }: { onEnabled: () => Promise<void> }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [verified, setVerified] = useState(false);

  if (!enrolment) {
    return (
      <PasswordConfirmForm
        legend={t("settings.twoFactor.enableTitle")}
        submitLabel={t("settings.twoFactor.enable")}
        onConfirm={async (password) => {
          const result = await unwrap(authClient.twoFactor.enable({ password }));
          // Our server enables TOTP; the e-mail OTP variant carries no URI and is not offered.
          if ("totpURI" in result) setEnrolment(result);
        }}
      />
    );
  }
  if (!verified) return <ConfirmCode totpURI={enrolment.totpURI} onConfirmed={() => setVerified(true)} />;
  return (
    <Stack gap="md" align="flex-start">
      <Text role="status">{t("settings.twoFactor.enabled")}</Text>
      <RecoveryCodes codes={enrolment.backupCodes} />
      <Button onClick={() => void onEnabled()}>{t("settings.twoFactor.done")}</Button>
    </Stack>
  );
}

function ConfirmCode({ totpURI, onConfirmed }: { totpURI: string; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const secret = new URL(totpURI).searchParams.get("secret") ?? "";
  return (
    <Stack gap="md">
      <Text>{t("settings.twoFactor.scan")}</Text>
      <QRCodeSVG
        value={totpURI}
        size={176}
        title={t("settings.twoFactor.qr")}
        role="img"
        aria-label={t("settings.twoFactor.qr")}
      />
      <Text>
        {t("settings.twoFactor.secret")} <Code>{secret}</Code>
      </Text>
      <CodeForm
        label={t("settings.twoFactor.code")}
        submitLabel={t("settings.twoFactor.verify")}
        numeric
        verify={async (code) => {
          await unwrap(authClient.twoFactor.verifyTotp({ code }));
          onConfirmed();
        }}
      />
    </Stack>
  );
}
