import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale, Me } from "../../features/accounts/schema.ts";
import { ME_KEY } from "../api/me.ts";
import { notify } from "../layout/notify.ts";
import { currentLocale } from "./index.ts";

/** Switches the interface language; for a signed-in user the choice is saved to the account too. */
export function useSwitchLanguage() {
  const { i18n, t } = useTranslation();
  const queryClient = useQueryClient();
  return async (locale: Locale) => {
    const me = queryClient.getQueryData<Me | null>(ME_KEY);
    // Update the cached user first, or useUserLocale would switch straight back to the old locale.
    if (me) queryClient.setQueryData<Me>(ME_KEY, { ...me, locale });
    await i18n.changeLanguage(locale);
    if (!me) return;
    try {
      const { authClient, unwrap } = await import("../api/auth-client.ts");
      await unwrap(authClient.updateUser({ locale }));
    } catch {
      await notify(t, "red", t("language.saveFailed"));
    }
  };
}

/**
 * The language a control shows as chosen, and the way to choose one. The choice shows at once: a
 * language not used yet switches only once its texts have loaded (i18n/index.ts).
 */
export function useLanguageChoice() {
  const switchLanguage = useSwitchLanguage();
  const [pending, setPending] = useState<Locale | null>(null);
  const choose = async (locale: Locale) => {
    setPending(locale);
    try {
      await switchLanguage(locale);
    } finally {
      setPending(null);
    }
  };
  return { active: pending ?? currentLocale(), choose };
}

/** The saved locale of a signed-in user wins over the browser's and the stored choice. */
export function useUserLocale(me: Me | null | undefined) {
  const { i18n } = useTranslation();
  const locale = me?.locale;
  useEffect(() => {
    if (locale && locale !== i18n.resolvedLanguage) void i18n.changeLanguage(locale);
  }, [locale, i18n]);
}
