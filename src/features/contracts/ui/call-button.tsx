import type { ButtonProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "../../../web/layout/links.tsx";

/** Into the contract's video call (its pre-join check; joining rings the other party). */
export function CallButton({ contractId, ...props }: { contractId: string } & ButtonProps) {
  const { t } = useTranslation();
  return (
    <ButtonLink to="/contracts/$contractId/call" params={{ contractId }} size="compact-sm" {...props}>
      {t("contracts.callLink")}
    </ButtonLink>
  );
}
