import { Avatar, type AvatarProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ContractOverview } from "../schema.ts";

/** The other party's photo, or their initials (white on dark blue, readable at any size). */
export function PartyAvatar({ party, ...props }: { party: ContractOverview["otherParty"] } & AvatarProps) {
  const { t } = useTranslation();
  return (
    <Avatar
      src={party.photoUrl}
      alt={t("workspace.photoAlt", { name: party.name })}
      name={party.name}
      color="blue.9"
      variant="filled"
      {...props}
    />
  );
}
