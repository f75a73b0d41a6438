import type { TFunction } from "i18next";

/** A toast; the package loads on first use, so it stays out of the landing page's bundle. */
export async function notify(t: TFunction, color: "green" | "red", message: string): Promise<void> {
  const { notifications } = await import("@mantine/notifications");
  // The close button has no name of its own; axe counts that as a critical violation.
  notifications.show({ color, message, closeButtonProps: { "aria-label": t("common.close") } });
}
