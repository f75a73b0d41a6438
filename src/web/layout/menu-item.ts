/** How a navigation link behaves inside the phone menu: it closes the menu when chosen. */
export interface MenuItemProps {
  onNavigate: () => void;
}
