import { Button, Fieldset, Group, Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { TimeZoneSelect } from "../../accounts/ui/time-zone-select.tsx";
import { type ClientProfileInput, clientProfileInputSchema, type clientProfileSchema } from "../schema.ts";
import { CountrySelect } from "./country-select.tsx";

type ClientProfile = z.infer<typeof clientProfileSchema>;
type Address = ClientProfile["billingAddress"];
const ADDRESS_FIELDS = [
  ["line1", "address-line1"],
  ["line2", "address-line2"],
  ["postalCode", "postal-code"],
  ["city", "address-level2"],
] as const;

/** Who the client is for invoices: name or company, country, zone, billing address and VAT id. */
export function ClientProfileForm(props: {
  profile: ClientProfile | null;
  defaults: { displayName: string; timeZone: string };
  onSubmit: (input: ClientProfileInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { profile } = props;
  const form = useZodForm(clientProfileInputSchema, {
    displayName: profile?.displayName ?? props.defaults.displayName,
    country: profile?.country ?? "DE",
    timeZone: profile?.timeZone ?? props.defaults.timeZone,
    billingAddress: profile?.billingAddress ?? { line1: "", line2: "", postalCode: "", city: "" },
    vatId: profile?.vatId ?? "",
  });
  const err = (field: string) => translateFieldError(t, form.errors[field]);
  const address = form.values.billingAddress as Address;

  return (
    <form onSubmit={form.onSubmit(props.onSubmit)} noValidate>
      <Stack gap="lg">
        <FormAlert error={form.formError} />
        <TextInput
          label={t("profiles.client.displayName")}
          description={t("profiles.client.displayNameHint")}
          required
          autoComplete="organization"
          {...form.textProps("displayName")}
        />
        <CountrySelect
          label={t("profiles.client.country")}
          value={form.values.country}
          onChange={(country) => form.setValue("country", country)}
          error={err("country")}
        />
        <TimeZoneSelect
          value={form.values.timeZone}
          onChange={(zone) => form.setValue("timeZone", zone)}
          error={err("timeZone")}
        />
        <Fieldset legend={t("profiles.client.billingAddress")}>
          <Stack gap="sm">
            {ADDRESS_FIELDS.map(([field, autoComplete]) => (
              <TextInput
                key={field}
                label={t(`profiles.client.address.${field}`)}
                required={field !== "line2"}
                autoComplete={autoComplete}
                name={`billingAddress.${field}`}
                value={address[field]}
                onChange={(event) =>
                  form.setValue("billingAddress", { ...address, [field]: event.currentTarget.value })
                }
                error={err(`billingAddress.${field}`)}
              />
            ))}
          </Stack>
        </Fieldset>
        <TextInput
          label={t("profiles.client.vatId")}
          description={t("profiles.client.vatIdHint")}
          {...form.textProps("vatId")}
        />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t("profiles.client.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
