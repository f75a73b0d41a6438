import { Loader, Stack, Text } from "@mantine/core";
import { useQueries } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { sampleQuery } from "./sample-api.ts";
import { SampleTile } from "./sample-tile.tsx";

/**
 * The samples attached to a bid, for the job's client, who may open them (samples/policy.ts). Bids
 * carry only ids, so each sample's details are a request of their own, cached for good.
 */
export function AttachedSamples({ ids, caption }: { ids: string[]; caption?: string }) {
  const { t } = useTranslation();
  const captionId = useId();
  const results = useQueries({ queries: ids.map((id) => sampleQuery(id)) });
  if (ids.length === 0) return null;
  const list = (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
      aria-labelledby={caption ? captionId : undefined}
    >
      {results.map((result, index) => (
        <li key={ids[index]}>
          {result.data ? (
            <SampleTile sample={result.data} />
          ) : result.error ? (
            // Deleted since, or no longer visible: say so instead of failing the whole card.
            <Text size="sm">{t("samples.attach.unavailable")}</Text>
          ) : (
            <Loader size="xs" role="status" aria-label={t("common.loading")} />
          )}
        </li>
      ))}
    </Stack>
  );
  if (!caption) return list;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id={captionId}>
        {caption}
      </Text>
      {list}
    </Stack>
  );
}
