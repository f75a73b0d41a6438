import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ME_KEY } from "../../../../web/api/me.ts";
import type { Me } from "../../schema.ts";

/** What every settings section does after a successful save: refresh the user and say so. */
export function useSaved() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return async (me?: Me) => {
    if (me) queryClient.setQueryData(ME_KEY, me);
    else await queryClient.invalidateQueries({ queryKey: ME_KEY });
    notifications.show({ color: "green", message: t("common.saved") });
  };
}
