import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { authClient, unwrap } from "../../../../web/api/auth-client.ts";
import { ME_KEY } from "../../../../web/api/me.ts";
import { useZodForm } from "../../../../web/forms/use-zod-form.ts";
import { notify } from "../../../../web/layout/notify.ts";
import { type Me, updateUserSchema } from "../../schema.ts";

/** What every settings section does after a successful save: refresh the user and say so. */
export function useSaved() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return async (me?: Me) => {
    if (me) queryClient.setQueryData(ME_KEY, me);
    else await queryClient.invalidateQueries({ queryKey: ME_KEY });
    await notify(t, "green", t("common.saved"));
  };
}

// Both optional, so each section's form holds and sends only its own field.
const profileFields = updateUserSchema.pick({ name: true, timeZone: true });

/** A settings form over update-user (name or time zone): validated by the shared schema, then saved. */
export function useProfileForm(initial: z.input<typeof profileFields>) {
  const saved = useSaved();
  const form = useZodForm(profileFields, initial);
  const submit = form.onSubmit(async (changes) => {
    await unwrap(authClient.updateUser(changes));
    await saved();
  });
  return { form, submit };
}
