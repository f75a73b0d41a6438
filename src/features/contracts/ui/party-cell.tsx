import { Avatar, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ContractListItem } from "../schema.ts";

/**
 * Whom a contract in the list is with: the other party's photo (assistants with one) or initials,
 * their name, and which side they are on, so two contracts of the same job can be told apart.
 */
export function PartyCell({ contract, meId }: { contract: ContractListItem; meId: string | undefined }) {
  const { t } = useTranslation();
  const imClient = contract.clientId === meId;
  const name = imClient ? contract.assistantName : contract.clientName;
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar
        src={imClient ? contract.assistantPhotoUrl : null}
        alt={t("workspace.photoAlt", { name })}
        name={name}
        color="blue.9"
        variant="filled"
        size="md"
      />
      <Stack gap={0}>
        <Text fw={600} size="sm" style={{ whiteSpace: "nowrap" }}>
          {name}
        </Text>
        <Text size="xs" c="dimmed">
          {imClient ? t("contracts.yourAssistant") : t("contracts.yourClient")}
        </Text>
      </Stack>
    </Group>
  );
}
