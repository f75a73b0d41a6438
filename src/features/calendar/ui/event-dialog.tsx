import {
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { useLocale } from "../../../web/kit/use-locale.ts";
import { zoneLabel } from "../../../web/kit/zone-label.ts";
import {
  type CalendarContext,
  type ContractEvent,
  type CreateEventInput,
  EVENT_NOTES_MAX,
  type Occurrence,
} from "../schema.ts";
import { type EventValues, eventFormSchema, withAllDay, withTimeZone, zoneChoices } from "./event-values.ts";
import { RepeatFields } from "./repeat-fields.tsx";
import { readableIn } from "./zoned.ts";

export interface Draft {
  /** The stored event being edited; absent for a new one. */
  event?: ContractEvent;
  /** The occurrence clicked; one of a series carries `originalStartsAt`. */
  occurrence?: Occurrence;
  values: EventValues;
}

/** Which occurrences of a series a change or deletion is for, as calendar apps ask. */
export const SCOPES = ["this", "following", "all"] as const;
export type Scope = (typeof SCOPES)[number];
const CONFIRM_DELETE = {
  this: "calendar.form.confirmDeleteThis",
  following: "calendar.form.confirmDeleteFollowing",
  all: "calendar.form.confirmDelete",
} as const;

/** "This event / This and following events / All events" for an occurrence of a series. */
function ScopeChoice(props: { scope: Scope; onChange: (scope: Scope) => void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t("calendar.scope.label")}
      value={props.scope}
      onChange={(value) => props.onChange(value as Scope)}
    >
      <Group mt="xs">
        {SCOPES.map((scope) => (
          <Radio key={scope} value={scope} label={t(`calendar.scope.${scope}`)} disabled={props.disabled} />
        ))}
      </Group>
    </Radio.Group>
  );
}

/** The appointment form in a dialog: labelled fields, errors beside them, the other party's clock below the times. */
export function EventDialog(props: {
  draft: Draft;
  context: CalendarContext;
  readOnly: boolean;
  onClose: () => void;
  onSave: (body: CreateEventInput, scope: Scope) => Promise<void>;
  onDelete: (scope: Scope) => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { draft, context } = props;
  // The server names the repeat rule "rrule"; the form shows that error beside its repeat choice.
  const form = useZodForm(eventFormSchema, draft.values, { serverFields: ["rrule"] });
  const { values, errors } = form;
  const [confirming, setConfirming] = useState(false);
  // An occurrence of a series asks which occurrences; a change to it alone keeps the series' rule.
  const inSeries = Boolean(draft.event?.rrule && draft.occurrence?.originalStartsAt);
  const [scope, setScope] = useState<Scope>(inSeries ? "this" : "all");
  const seriesOnly = props.readOnly || scope === "this";
  const error = (field: string) => translateFieldError(t, errors[field]);
  const parties = [context.viewer, context.other];
  const nameOf = (userId: string) => parties.find((p) => p.userId === userId)?.name ?? "–";
  const zoneOption = (zone: string) => {
    const who = parties
      .filter((p) => p.timeZone === zone)
      .map((p) => (p === context.viewer ? t("calendar.you") : p.name));
    return who.length ? `${zoneLabel(zone, locale)} – ${who.join(", ")}` : zoneLabel(zone, locale);
  };
  // Where the parties' clocks differ from the event's zone, the start as they read it (one line per zone).
  const otherClocks = values.allDay
    ? []
    : [...new Set(parties.map((p) => p.timeZone))].flatMap((zone) => {
        const time =
          zone === values.timeZone ? undefined : readableIn(values.start, values.timeZone, zone, locale);
        if (!time) return [];
        const name = parties
          .filter((p) => p.timeZone === zone)
          .map((p) => (p === context.viewer ? t("calendar.you") : p.name))
          .join(", ");
        return [
          { key: zone, text: t("calendar.form.theirTime", { name, time, zone: zoneLabel(zone, locale) }) },
        ];
      });

  async function remove() {
    form.setSubmitting(true);
    try {
      await props.onDelete(scope);
    } catch (e) {
      form.fail(e);
      setConfirming(false);
    } finally {
      form.setSubmitting(false);
    }
  }

  const dateType = values.allDay ? "date" : "datetime-local";
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={draft.event ? t("calendar.form.editTitle") : t("calendar.form.newTitle")}
      closeButtonProps={{ "aria-label": t("common.close") }}
      size="lg"
    >
      <form onSubmit={form.onSubmit((body) => props.onSave(body, scope))} noValidate>
        <Stack gap="sm">
          <FormAlert error={form.formError} />
          {inSeries ? <ScopeChoice scope={scope} onChange={setScope} disabled={props.readOnly} /> : null}
          {draft.event ? (
            <Text size="sm">{t("calendar.form.createdBy", { name: nameOf(draft.event.createdBy) })}</Text>
          ) : null}
          <TextInput
            label={t("calendar.form.title")}
            required
            {...form.textProps("title")}
            disabled={props.readOnly}
            data-autofocus
          />
          <Checkbox
            label={t("calendar.form.allDay")}
            checked={values.allDay}
            onChange={(e) => {
              const allDay = e.currentTarget.checked;
              form.setValues((v) => withAllDay(v, allDay));
            }}
            disabled={seriesOnly}
          />
          <Group grow align="flex-start">
            <TextInput
              type={dateType}
              label={t("calendar.form.start")}
              required
              {...form.textProps("start")}
              disabled={props.readOnly}
            />
            <TextInput
              type={dateType}
              label={values.allDay ? t("calendar.form.lastDay") : t("calendar.form.end")}
              required
              {...form.textProps("end")}
              disabled={props.readOnly}
            />
          </Group>
          <Select
            label={t("calendar.form.timeZone")}
            description={t("calendar.form.timeZoneHint")}
            data={zoneChoices(values.timeZone, parties).map((z) => ({ value: z, label: zoneOption(z) }))}
            value={values.timeZone}
            onChange={(zone) => zone && form.setValues((v) => withTimeZone(v, zone))}
            allowDeselect={false}
            error={error("timeZone")}
            disabled={props.readOnly}
            name="timeZone"
          />
          {otherClocks.length ? (
            <Stack gap={2} aria-live="polite">
              {otherClocks.map((c) => (
                <Text key={c.key} size="sm">
                  {c.text}
                </Text>
              ))}
            </Stack>
          ) : null}
          <TextInput
            label={t("calendar.form.location")}
            {...form.textProps("location")}
            disabled={props.readOnly}
          />
          <TextInput
            type="url"
            label={t("calendar.form.url")}
            description={t("calendar.form.urlHint")}
            {...form.textProps("url")}
            disabled={props.readOnly}
          />
          <Textarea
            label={t("calendar.form.notes")}
            autosize
            minRows={2}
            maxLength={EVENT_NOTES_MAX}
            value={values.notes}
            onChange={(e) => form.setValue("notes", e.currentTarget.value)}
            error={error("notes")}
            disabled={props.readOnly}
            name="notes"
          />
          <RepeatFields
            repeat={values.repeat}
            onChange={(repeat) => form.setValue("repeat", repeat)}
            errors={{ rrule: errors.rrule, until: errors.until }}
            disabled={seriesOnly}
          />
          {inSeries && scope === "this" && !props.readOnly ? (
            <Text size="sm">{t("calendar.scope.seriesOnly")}</Text>
          ) : null}
          {props.readOnly ? (
            <Text size="sm">{t("calendar.readOnly")}</Text>
          ) : (
            <Group justify="space-between" mt="sm">
              <Button type="submit" loading={form.submitting}>
                {draft.event ? t("calendar.form.save") : t("calendar.form.create")}
              </Button>
              {draft.event && !confirming ? (
                <Button variant="outline" color="red.9" onClick={() => setConfirming(true)}>
                  {t("calendar.form.delete")}
                </Button>
              ) : null}
            </Group>
          )}
          {confirming ? (
            <Group role="group" aria-label={t(CONFIRM_DELETE[scope])} gap="sm">
              <Text size="sm">{t(CONFIRM_DELETE[scope])}</Text>
              <Button color="red.9" loading={form.submitting} onClick={() => void remove()}>
                {t("calendar.form.confirmDeleteYes")}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t("calendar.form.confirmDeleteNo")}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Modal>
  );
}
