import { Paper, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";

/** One titled block of the settings page; its h2 names the region for screen-reader navigation. */
export function SettingsSection(props: { title: string; description?: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id={id}>
            {props.title}
          </Title>
          {props.description ? <Text c="dimmed">{props.description}</Text> : null}
        </Stack>
        {props.children}
      </Stack>
    </Paper>
  );
}
