import { Alert, Code, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue.9" variant="outline" title={t("settings.twoFactor.codesTitle")}>
      <Stack gap="sm">
        <Text c="var(--mantine-color-text)">{t("settings.twoFactor.codesText")}</Text>
        <SimpleGrid
          cols={{ base: 2, sm: 5 }}
          spacing="xs"
          component="ul"
          aria-label={t("settings.twoFactor.codesTitle")}
          style={{ listStyle: "none", padding: 0 }}
        >
          {codes.map((code) => (
            <li key={code}>
              <Code>{code}</Code>
            </li>
          ))}
        </SimpleGrid>
      </Stack>
    </Alert>
  );
}
