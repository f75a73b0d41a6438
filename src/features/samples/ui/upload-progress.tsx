import { Button, Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * A running upload: its progress bar, the percent in words for sighted users (the bar names it for
 * others), and a way to cancel. Nothing while no upload runs.
 */
export function UploadProgress({ percent, onCancel }: { percent: number | null; onCancel: () => void }) {
  const { t } = useTranslation();
  if (percent === null) return null;
  return (
    <Stack gap={4}>
      <Progress.Root size="lg">
        <Progress.Section value={percent} aria-label={t("samples.form.progress")} />
      </Progress.Root>
      <Group gap="xs" justify="space-between">
        <Text size="sm" aria-hidden="true">
          {t("samples.form.progressText", { percent })}
        </Text>
        <Button variant="default" size="compact-sm" onClick={onCancel}>
          {t("samples.form.cancelUpload")}
        </Button>
      </Group>
    </Stack>
  );
}
