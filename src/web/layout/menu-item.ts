/** How a header link behaves inside the phone menu: it closes the menu when chosen. */
export interface MenuItemProps {
  onNavigate: () => void;
}

/**
 * Props that turn one of the header's row buttons into a full-width, left-aligned menu item that
 * closes the menu on choosing it; none outside the menu, so the wide header stays as it is.
 */
export function menuItem(inMenu: MenuItemProps | undefined) {
  return inMenu ? ({ fullWidth: true, justify: "flex-start", onClick: inMenu.onNavigate } as const) : {};
}
