import { Container, Stack, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets the tab title with the page's one h1, so screen readers announce route changes by name. */
export function usePageTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title, t]);
}

export function Page({
  title,
  size = "sm",
  children,
}: {
  title: string;
  size?: string;
  children: ReactNode;
}) {
  usePageTitle(title);
  return (
    <Container size={size} py="xl">
      <Stack gap="lg">
        <Title order={1}>{title}</Title>
        {children}
      </Stack>
    </Container>
  );
}
