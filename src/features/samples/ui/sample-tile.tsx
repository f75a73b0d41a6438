import { Anchor, Box, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../web/kit/use-locale.ts";
import type { Sample } from "../schema.ts";
import { sampleHref, sampleThumbnailUrl } from "./sample-api.ts";
import { fileTypeLabel, formatBytes } from "./sample-files.ts";

const SIZE = 56;

/** The image's preview, or a tile with the type, beside the title; decorative, as the title names the sample. */
function SamplePreview({ sample, label }: { sample: Sample; label: string }) {
  if (sample.hasThumbnail) {
    return (
      <img
        src={sampleThumbnailUrl(sample)}
        alt=""
        width={SIZE}
        height={SIZE}
        loading="lazy"
        style={{ objectFit: "cover", borderRadius: 4, flex: "none" }}
      />
    );
  }
  return (
    <Box
      aria-hidden="true"
      w={SIZE}
      h={SIZE}
      bd="1px solid var(--mantine-color-default-border)"
      style={{ borderRadius: 4, display: "grid", placeItems: "center", flex: "none" }}
    >
      <Text size="xs" fw={700}>
        {label}
      </Text>
    </Box>
  );
}

/**
 * A sample as a preview and a link named by its title that opens it in a new tab (the server shows
 * PDFs and images inline); below, its type and size. `extra` adds lines such as the visibility.
 */
export function SampleTile({ sample, extra }: { sample: Sample; extra?: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const isLink = sample.kind === "link";
  const label = isLink ? t("samples.kind.link") : fileTypeLabel(sample);
  const details = isLink
    ? [label, hostOf(sample.url)]
    : [label, sample.sizeBytes === null ? null : formatBytes(sample.sizeBytes, locale)];
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <SamplePreview sample={sample} label={label} />
      <Stack gap={2} miw={0}>
        <Anchor
          href={sampleHref(sample)}
          target="_blank"
          // Another site must not reach back into ours through window.opener, nor learn where it came from.
          rel={isLink ? "noopener noreferrer nofollow" : "noopener"}
          title={t("samples.opensInNewTab")}
          fw={600}
          style={{ overflowWrap: "anywhere" }}
        >
          {sample.title}
        </Anchor>
        <Text size="sm" c="dimmed">
          {details.filter(Boolean).join(" · ")}
        </Text>
        {extra}
      </Stack>
    </Group>
  );
}

function hostOf(url: string | null): string | null {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
}
