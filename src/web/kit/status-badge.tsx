import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

// Dark shades only: outline badges draw their text in this colour, and it must stay readable (axe contrast; green and orange 9 are only ~4.4:1 at badge size).
const COLORS: Record<string, string> = {
  draft: "gray.8",
  open: "teal.9",
  submitted: "blue.9",
  shortlisted: "teal.9",
  offered: "violet.9",
  hired: "teal.9",
  active: "teal.9",
  pending: "blue.9",
  accepted: "teal.9",
  paused: "gray.7",
  filled: "blue.9",
  requested: "blue.9",
  confirmed: "teal.9",
};

// Mantine cuts a badge's label with an ellipsis when its cell is narrow ("AK…"); a status is short
// and must be read whole, so the badge keeps its full width and the table scrolls instead.
const WHOLE = {
  root: { overflow: "visible", minWidth: "max-content" },
  label: { overflow: "visible" },
} as const;

/** A state of a job, bid, offer, contract or interview as a translated badge; `kind` picks the translation set. */
export function StatusBadge({
  kind,
  status,
}: {
  kind: "jobs" | "bids" | "offers" | "contracts" | "interviews";
  status: string;
}) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={COLORS[status] ?? "red.9"} styles={WHOLE}>
      {t(`${kind}.status.${status}`)}
    </Badge>
  );
}
