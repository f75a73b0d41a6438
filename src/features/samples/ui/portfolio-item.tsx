import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useAction } from "../../../web/kit/use-action.ts";
import { notify } from "../../../web/layout/notify.ts";
import type { Sample } from "../schema.ts";
import { deleteSample, sampleRemoved } from "./sample-api.ts";
import { SampleTile } from "./sample-tile.tsx";

/** One sample of the portfolio, with its category and visibility, and a delete that asks first. */
export function PortfolioItem({ sample }: { sample: Sample }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction<"delete">();

  const remove = () =>
    run("delete", async () => {
      await deleteSample(sample.id);
      await sampleRemoved(queryClient, sample.id);
      await notify(t, "green", t("samples.portfolio.deleted", { title: sample.title }));
    });

  return (
    <Paper withBorder p="sm" component="li" aria-label={sample.title}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <SampleTile sample={sample} extra={<Text size="sm">{t(`categories.${sample.category}`)}</Text>} />
          <Badge
            variant="outline"
            color={sample.visibility === "public" ? "teal.9" : "gray.8"}
            style={{ flex: "none" }}
          >
            {t(`samples.visibility.${sample.visibility}`)}
          </Badge>
        </Group>
        <FormAlert error={error} />
        {confirming ? (
          <Group gap="xs" role="group" aria-label={t("samples.portfolio.confirmLabel")}>
            <Text size="sm">{t("samples.portfolio.confirmText", { title: sample.title })}</Text>
            <Button color="red.9" size="xs" loading={busy === "delete"} onClick={() => void remove()}>
              {t("samples.portfolio.confirmDelete")}
            </Button>
            <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
              {t("samples.portfolio.keep")}
            </Button>
          </Group>
        ) : (
          <Group>
            <Button variant="outline" color="red.9" size="xs" onClick={() => setConfirming(true)}>
              {t("samples.portfolio.delete", { title: sample.title })}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
