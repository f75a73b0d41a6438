import type { TFunction } from "i18next";
import { useSyncExternalStore } from "react";

// The toast package (~9 KB gzip with its transitions) loads on the first toast, not with every
// page: until then nothing renders its container (app.tsx asks `useToastsWanted`). A toast shown
// before the container mounts waits in the package's store and appears once it does.
let wanted = false;
const listeners = new Set<() => void>();

/** Whether any toast was asked for yet, so the container is worth mounting. */
export function useToastsWanted(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => wanted,
  );
}

/** A toast; the package loads on first use, so it stays out of every page's first load. */
export async function notify(t: TFunction, color: "green" | "red", message: string): Promise<void> {
  const { notifications } = await import("./toasts.ts");
  // The close button has no name of its own; axe counts that as a critical violation.
  notifications.show({ color, message, closeButtonProps: { "aria-label": t("common.close") } });
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
}
