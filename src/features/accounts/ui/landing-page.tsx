import { Card, Container, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "../../../web/layout/links.tsx";
import { usePageTitle } from "../../../web/layout/page.tsx";

// The only page in the first bundle: plain text and links, no data fetching of its own.
export function LandingPage() {
  const { t } = useTranslation();
  usePageTitle(t("landing.pageTitle"));
  return (
    <Container size="md" py="xl">
      <Stack gap="xl">
        <Stack gap="sm">
          <Title order={1}>{t("landing.title")}</Title>
          <Text size="lg">{t("landing.lead")}</Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Audience
            title={t("landing.clients.title")}
            text={t("landing.clients.text")}
            points={[t("landing.clients.point1"), t("landing.clients.point2"), t("landing.clients.point3")]}
            cta={
              <ButtonLink to="/sign-up" search={{ role: "client" }}>
                {t("landing.clients.cta")}
              </ButtonLink>
            }
          />
          <Audience
            title={t("landing.assistants.title")}
            text={t("landing.assistants.text")}
            points={[
              t("landing.assistants.point1"),
              t("landing.assistants.point2"),
              t("landing.assistants.point3"),
            ]}
            cta={
              <ButtonLink to="/sign-up" search={{ role: "assistant" }}>
                {t("landing.assistants.cta")}
              </ButtonLink>
            }
          />
        </SimpleGrid>
      </Stack>
    </Container>
  );
}

function Audience(props: { title: string; text: string; points: string[]; cta: React.ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={props.title}>
      <Stack gap="sm" h="100%">
        <Title order={2} size="h3">
          {props.title}
        </Title>
        <Text>{props.text}</Text>
        <List spacing="xs">
          {props.points.map((point) => (
            <List.Item key={point}>{point}</List.Item>
          ))}
        </List>
        <div style={{ marginTop: "auto" }}>{props.cta}</div>
      </Stack>
    </Card>
  );
}
