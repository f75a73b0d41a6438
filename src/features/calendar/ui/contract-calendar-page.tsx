import { Button, Group, Loader, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../web/api/me.ts";
import { toApiError } from "../../../web/api/problem-parse.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { notify } from "../../../web/layout/notify.ts";
import { Page } from "../../../web/layout/page.tsx";
import type { CalendarContext, CreateEventInput, Occurrence } from "../schema.ts";
import {
  calendarKey,
  contextQuery,
  createEvent,
  deleteEvent,
  deleteOccurrence,
  eventsQuery,
  updateEvent,
  updateOccurrence,
  type Window,
} from "./calendar-api.ts";
import { CalendarView } from "./calendar-view.tsx";
import type { Draft, Scope } from "./event-dialog.tsx";
import {
  eventBody,
  eventValues,
  followingChange,
  newEventValues,
  nextHour,
  occurrenceValues,
  seriesChange,
} from "./event-values.ts";
import { useRefreshOnNotice } from "./use-refresh-on-notice.ts";

const route = getRouteApi("/signed-in/contracts/$contractId/calendar");

// The form (its inputs, the repeat rules, the zone picker's dropdown) loads when an event is opened
// or started, not with the calendar: the tab's first load is FullCalendar's already.
const EventDialog = lazy(() => import("./event-dialog.tsx").then((m) => ({ default: m.EventDialog })));

/** Whose zone is whose, and which hours are shaded (and when they are assumed rather than stored). */
function Legend({ context }: { context: CalendarContext }) {
  const { t } = useTranslation();
  const { zone } = useFormat();
  const { viewer, other } = context;
  const nameOf = (p: CalendarContext["viewer"]) => (p === viewer ? t("calendar.you") : p.name);
  return (
    <Stack gap={4}>
      <Text>
        {t("calendar.zones", { mine: zone(viewer.timeZone), name: other.name, theirs: zone(other.timeZone) })}
      </Text>
      <Text size="sm">
        <span className="assista-legend-swatch" aria-hidden="true" />{" "}
        {t("calendar.overlapLegend", { name: other.name })}
      </Text>
      {[viewer, other].map((p) => {
        const hours = p.workingHours;
        // Say where the shaded hours come from when it is not plain: assumed, or in another zone.
        const key = hours.assumed
          ? "calendar.assumedHours"
          : hours.timeZone !== p.timeZone
            ? "calendar.hoursZone"
            : null;
        return key ? (
          <Text size="sm" key={p.userId}>
            {t(key, { name: nameOf(p), zone: zone(hours.timeZone) })}
          </Text>
        ) : null;
      })}
    </Stack>
  );
}

/** The shared calendar of a contract: both parties add, change and delete appointments. */
export function ContractCalendarPage() {
  const { t } = useTranslation();
  const { contractId } = route.useParams();
  const { date } = route.useSearch();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const [visible, setVisible] = useState<Window | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [focus, setFocus] = useState<string | undefined>(undefined);
  useRefreshOnNotice(contractId);
  const enabled = visible !== null;
  const range = visible ?? { from: "", to: "" };
  const events = useQuery({ ...eventsQuery(contractId, range), enabled });
  const context = useQuery({ ...contextQuery(contractId, range), enabled });
  const zone = me?.timeZone ?? "Europe/Berlin";
  const ctx = context.data;
  const readOnly = ctx?.status !== "active";

  async function done(message: string) {
    setDraft(null);
    await queryClient.invalidateQueries({ queryKey: calendarKey(contractId) });
    await notify(t, "green", message);
  }
  /** Where the change lands: a new event, the whole event (series), or occurrences of a series. */
  async function write(body: CreateEventInput, scope: Scope): Promise<string> {
    const event = draft?.event;
    if (!event) return (await createEvent(contractId, body)).startsAt;
    const original = draft.occurrence?.originalStartsAt;
    if (scope === "all" || !original) {
      const whole = original ? seriesChange(event, eventBody(draft.values), body) : body;
      return (await updateEvent(contractId, event.id, whole)).startsAt;
    }
    // The repeat rule and all-day belong to the series; one occurrence keeps them.
    const { allDay: _allDay, rrule: _rrule, ...one } = body;
    const change = await updateOccurrence(
      contractId,
      event.id,
      original,
      scope,
      scope === "this" ? one : followingChange(event, original, eventBody(draft.values), body),
    );
    return change.occurrence.startsAt;
  }
  async function save(body: CreateEventInput, scope: Scope) {
    setFocus(await write(body, scope));
    await done(t(draft?.event ? "calendar.saved" : "calendar.created"));
  }
  async function remove(scope: Scope) {
    const event = draft?.event;
    if (!event) return;
    const original = draft.occurrence?.originalStartsAt;
    if (scope === "all" || !original) await deleteEvent(contractId, event.id);
    else await deleteOccurrence(contractId, event.id, original, scope);
    await done(t("calendar.deleted"));
  }
  const open = (occurrence: Occurrence) => {
    const event = events.data?.events.find((e) => e.id === occurrence.eventId);
    if (!event) return;
    const values = occurrence.originalStartsAt ? occurrenceValues(event, occurrence) : eventValues(event);
    setDraft({ event, occurrence, values });
  };
  const create = (range: { start: Date; end: Date; allDay: boolean }) => {
    if (!readOnly) setDraft({ values: newEventValues(range, zone) });
  };

  return (
    <Page title={ctx ? t("calendar.title", { job: ctx.jobTitle }) : t("calendar.titleLoading")} size="xl">
      <Group justify="space-between" align="flex-start">
        {ctx ? <Legend context={ctx} /> : <Loader size="sm" role="status" aria-label={t("common.loading")} />}
        <Stack gap="xs" align="flex-end">
          {/* The call is the workspace's own tab, above this one. */}
          <Button onClick={() => create(nextHour())} disabled={!ctx || readOnly}>
            {t("calendar.newEvent")}
          </Button>
          <AnchorLink to="/contracts">{t("calendar.backToContracts")}</AnchorLink>
        </Stack>
      </Group>
      {ctx && readOnly ? (
        <Text>{t(ctx.status === "paused" ? "calendar.readOnlyPaused" : "calendar.readOnly")}</Text>
      ) : null}
      {events.error || context.error ? <FormAlert error={toApiError(events.error ?? context.error)} /> : null}
      <CalendarView
        timeZone={zone}
        initialDate={date}
        focus={focus}
        list={events.data}
        context={ctx}
        // FullCalendar reports its range on every render; only a new range is a change.
        onRange={(r) => setVisible((v) => (v?.from === r.from && v.to === r.to ? v : r))}
        onSelect={create}
        onOpen={open}
      />
      {draft && ctx ? (
        <Suspense fallback={null}>
          <EventDialog
            key={draft.occurrence ? `${draft.occurrence.eventId}@${draft.occurrence.startsAt}` : "new"}
            draft={draft}
            context={ctx}
            readOnly={readOnly}
            onClose={() => setDraft(null)}
            onSave={save}
            onDelete={remove}
          />
        </Suspense>
      ) : null}
    </Page>
  );
}
