import { Stack, Text } from "@mantine/core";
import { useId } from "@mantine/hooks";
import { useRouter } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../../features/accounts/schema.ts";
import { LineIcon } from "./line-icon.tsx";
import { ButtonLink } from "./links.tsx";
import type { MenuItemProps } from "./menu-item.ts";
import { type NavGroup, type NavItem, navGroupsFor, navItemsOf } from "./nav-items.ts";

/**
 * The sections `me` sees, grouped under a heading each („Marktplatz“, „Zusammenarbeit“, „Konto“):
 * the wide screen's sidebar and the phone menu. In the menu a link also closes it.
 */
export function NavList({ me, inMenu }: { me: Me | null | undefined; inMenu?: MenuItemProps }) {
  const items = useNavItems();
  return (
    <Stack gap="md">
      {navGroupsFor(items, me).map(({ group, items }) => (
        <NavSection key={group} group={group} items={items} inMenu={inMenu} />
      ))}
    </Stack>
  );
}

function NavSection(props: { group: NavGroup; items: NavItem[]; inMenu: MenuItemProps | undefined }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    // A named group of links; a fieldset, which the rule suggests, is for form controls.
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div role="group" aria-labelledby={headingId}>
      <Text id={headingId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
        {t(`nav.groups.${props.group}`)}
      </Text>
      <Stack gap={2}>
        {props.items.map((item) => (
          <ButtonLink
            key={item.label}
            to={item.to}
            variant="subtle"
            fullWidth
            justify="flex-start"
            className="nav-link"
            leftSection={
              <LineIcon>
                {item.icon.map((d) => (
                  <path key={d} d={d} />
                ))}
              </LineIcon>
            }
            onClick={props.inMenu?.onNavigate}
          >
            {t(item.label)}
          </ButtonLink>
        ))}
      </Stack>
    </div>
  );
}

/** Every section the routes declare (`staticData.nav`), in order; the route tree never changes. */
export function useNavItems(): NavItem[] {
  const { routesById } = useRouter();
  return useMemo(() => navItemsOf(Object.values(routesById)), [routesById]);
}
