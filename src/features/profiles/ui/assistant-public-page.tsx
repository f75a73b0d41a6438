import { Avatar, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../web/api/problem.ts";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { Page } from "../../../web/layout/page.tsx";
import type { PublicAssistantProfile } from "../schema.ts";
import { AssistantFacts } from "./assistant-facts.tsx";
import { BioText } from "./bio-text.tsx";
import { assistantProfileQuery, photoUrl } from "./profile-api.ts";
import { PublicSamples } from "./public-samples.tsx";

const route = getRouteApi("/assistants/$userId");

// Dark shades on outline badges, as for statuses: the text is drawn in the colour and must stay readable.
const AVAILABILITY_COLORS: Record<PublicAssistantProfile["availability"], string> = {
  available: "teal.9",
  limited: "blue.9",
  unavailable: "gray.8",
};

/** An assistant's public profile: readable without an account, holding nothing private. */
export function AssistantPublicPage() {
  const { t } = useTranslation();
  const { userId } = route.useParams();
  const query = useQuery(assistantProfileQuery(userId));
  // A 404 is no failure here: most often the assistant has not saved a profile yet.
  const missing = query.error instanceof ApiError && query.error.code === "not_found";
  return (
    <Page title={query.data?.name ?? t("profiles.public.title")} size="md">
      {missing ? (
        <Text>{t("profiles.public.missing")}</Text>
      ) : (
        <QueryState query={query}>
          {(profile) => (
            <>
              <Group gap="md" align="center">
                {profile.hasPhoto ? (
                  <Avatar
                    src={photoUrl(profile)}
                    alt={t("profiles.photo.alt", { name: profile.name })}
                    size={112}
                    radius="md"
                  />
                ) : null}
                <Stack gap={4}>
                  <Text fz="lg" fw={600}>
                    {profile.headline}
                  </Text>
                  <Group gap="xs">
                    <Badge color={AVAILABILITY_COLORS[profile.availability]} variant="outline">
                      {t(`profiles.availability.${profile.availability}`)}
                    </Badge>
                  </Group>
                </Stack>
              </Group>
              {profile.bio ? (
                <Stack gap="xs" component="section" aria-labelledby="bio-title">
                  <Title order={2} size="h3" id="bio-title">
                    {t("profiles.public.about")}
                  </Title>
                  <BioText bio={profile.bio} />
                </Stack>
              ) : null}
              <AssistantFacts profile={profile} />
              <PublicSamples userId={profile.userId} />
            </>
          )}
        </QueryState>
      )}
    </Page>
  );
}
