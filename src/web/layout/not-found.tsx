import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "./links.tsx";
import { Page } from "./page.tsx";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t("notFound.title")}>
      <Text>{t("notFound.text")}</Text>
      <AnchorLink to="/">{t("notFound.home")}</AnchorLink>
    </Page>
  );
}
