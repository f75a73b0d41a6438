import { Button, Fieldset, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MoneyInput } from "../../../web/kit/money-input.tsx";
import { TASK_CATEGORIES } from "../../common/schema.ts";
import type { AssistantProfileInput } from "../schema.ts";
import { AddFromList } from "./add-from-list.tsx";

type Price = AssistantProfileInput["priceList"][number];
type Category = Price["category"];

/** A price per task type, each type at most once, in the profile's currency. */
export function PriceListField(props: {
  value: Price[];
  currency: string;
  onChange: (prices: Price[]) => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { value } = props;
  return (
    <Fieldset legend={t("profiles.assistant.priceList")}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("profiles.assistant.priceListHint")}
        </Text>
        {value.map((entry, index) => {
          const category = t(`categories.${entry.category}`);
          return (
            <Group key={entry.category} align="flex-end">
              <MoneyInput
                label={t("profiles.assistant.priceFor", { category })}
                required
                minor={entry.priceMinor}
                currency={props.currency}
                onMinorChange={(priceMinor) =>
                  props.onChange(value.map((e, i) => (i === index ? { ...e, priceMinor } : e)))
                }
                error={props.error(`priceList.${index}.priceMinor`)}
              />
              <Button variant="default" onClick={() => props.onChange(value.filter((_, i) => i !== index))}>
                {t("profiles.assistant.removePrice", { category })}
              </Button>
            </Group>
          );
        })}
        <AddFromList
          label={t("profiles.assistant.newPrice")}
          addLabel={t("profiles.assistant.addPrice")}
          options={TASK_CATEGORIES.filter((c) => !value.some((e) => e.category === c)).map((c) => ({
            value: c,
            label: t(`categories.${c}`),
          }))}
          onAdd={(category) =>
            props.onChange([...value, { category: category as Category, priceMinor: Number.NaN }])
          }
        />
      </Stack>
    </Fieldset>
  );
}
