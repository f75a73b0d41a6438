import { Drawer } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * The drawer of the phone menu, in a chunk of its own: it brings transitions, a focus trap, scroll
 * locking and a scroll area (~20 KB gzip) that wide screens never need. It imports nothing of the
 * app, so the landing page's chunks stay as they are. It stays inside the header's nav (no portal),
 * so its links belong to the main navigation; Mantine traps focus in it and closes it on Escape or a
 * click outside.
 */
export function PhoneMenu(props: {
  id: string;
  opened: boolean;
  onClose: () => void;
  title: string;
  closeLabel: string;
  children: ReactNode;
}) {
  return (
    <Drawer
      id={props.id}
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      position="right"
      size="xs"
      withinPortal={false}
      // Mantine leaves the fixed layer's left edge to where it would sit in the flow: in a portal the
      // page's edge, here the nav's.
      styles={{ inner: { insetInlineStart: 0 }, title: { fontWeight: 700 } }}
      closeButtonProps={{ "aria-label": props.closeLabel }}
    >
      {props.children}
    </Drawer>
  );
}
