import { Anchor, Card, Image, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../../web/kit/query-state.tsx";
import type { Sample } from "../../samples/schema.ts";
import { publicSamplesQuery, sampleFileUrl, sampleThumbnailUrl } from "./profile-api.ts";

/** The assistant's public work samples: a thumbnail for images and a link that opens the file inline. */
export function PublicSamples({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const query = useQuery(publicSamplesQuery(userId));
  return (
    <Stack gap="sm" component="section" aria-labelledby="samples-title">
      <Title order={2} size="h3" id="samples-title">
        {t("profiles.public.samples")}
      </Title>
      <QueryState query={query}>
        {(samples) =>
          samples.length === 0 ? (
            <Text>{t("profiles.public.noSamples")}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" p={0} style={{ listStyle: "none" }}>
              {samples.map((sample) => (
                <SampleCard key={sample.id} sample={sample} />
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Stack>
  );
}

function SampleCard({ sample }: { sample: Sample }) {
  const { t } = useTranslation();
  // A link sample leads off the site: no referrer and no access to this window.
  const link =
    sample.kind === "file"
      ? { href: sampleFileUrl(sample.id), label: t("profiles.public.openFile", { title: sample.title }) }
      : { href: sample.url ?? "#", label: t("profiles.public.openLink", { title: sample.title }) };
  return (
    <Card withBorder component="li" aria-label={sample.title}>
      <Stack gap="xs">
        {sample.hasThumbnail ? (
          // The title beside it says what the image is; the thumbnail adds no words of its own.
          <Image src={sampleThumbnailUrl(sample.id)} alt="" h={140} fit="contain" loading="lazy" />
        ) : null}
        <Text fw={600}>{sample.title}</Text>
        <Text size="sm" c="dimmed">
          {t(`categories.${sample.category}`)}
        </Text>
        {sample.description ? (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {sample.description}
          </Text>
        ) : null}
        <Anchor href={link.href} target="_blank" rel="noopener noreferrer">
          {link.label}
        </Anchor>
      </Stack>
    </Card>
  );
}
