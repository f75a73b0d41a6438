import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Page } from "../../../web/layout/page.tsx";

export function CheckMail({ email }: { email: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t("checkMail.title")}>
      <Text role="status">{t("checkMail.text", { email })}</Text>
      <Text>{t("checkMail.hint")}</Text>
    </Page>
  );
}
