import type {
  DateSelectArg,
  DatesSetArg,
  EventClickArg,
  EventInput,
  EventMountArg,
} from "@fullcalendar/core";
import deLocale from "@fullcalendar/core/locales/de";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin from "@fullcalendar/interaction";
import listPlugin from "@fullcalendar/list";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { useMediaQuery } from "@mantine/hooks";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../web/kit/use-locale.ts";
import { zoneLabel } from "../../../web/kit/zone-label.ts";
import type { CalendarContext, EventList, Occurrence } from "../schema.ts";
import { namedZonesPlugin } from "./named-zones.ts";
import { clockIn, wallOf } from "./zoned.ts";
import "./calendar-view.css";

const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, namedZonesPlugin];
// White on Mantine's blue 9 reads at 6.6:1; FullCalendar's own blue is below AA for small text.
const EVENT_COLOR = "#1864ab";
/** The shade of the hours both parties work (FullCalendar draws background events at 30 %). */
export const OVERLAP_COLOR = "#12b886";
// Hours as a German or British reader writes them, "09:00", on the axis and on the events alike.
const CLOCK = { hour: "2-digit", minute: "2-digit", hour12: false } as const;

/** The occurrences as FullCalendar events; all-day ones as dates of their own zone, wherever the reader is. */
function toItems(list: EventList | undefined, context: CalendarContext | undefined): EventInput[] {
  const byId = new Map((list?.events ?? []).map((e) => [e.id, e]));
  const items: EventInput[] = [];
  for (const o of list?.occurrences ?? []) {
    const e = byId.get(o.eventId);
    if (!e) continue;
    const times = e.allDay
      ? { allDay: true, start: wallOf(o.startsAt, e.timeZone, true), end: wallOf(o.endsAt, e.timeZone, true) }
      : { start: o.startsAt, end: o.endsAt };
    items.push({
      id: `${o.eventId}@${o.originalStartsAt ?? o.startsAt}`,
      // An occurrence of a series may have a title of its own.
      title: o.title ?? e.title,
      ...times,
      extendedProps: { occurrence: o },
    });
  }
  for (const w of context?.overlap ?? []) {
    items.push({ start: w.startsAt, end: w.endsAt, display: "background", color: OVERLAP_COLOR });
  }
  return items;
}

/**
 * FullCalendar makes clickable events focusable but gives them no role; as buttons (named by what
 * they show: time and title) screen readers announce that Enter opens them. In the list the event
 * is a table row whose title is an anchor: the anchor gets the role.
 */
function asButton(arg: EventMountArg) {
  if (arg.event.display === "background") return;
  const target = arg.el.tagName === "A" ? arg.el : arg.el.querySelector("a");
  target?.setAttribute("role", "button");
}

/**
 * Month, week, day and list views in the reader's zone. The time axis names each hour on the
 * other party's clock too; the hours both work are shaded. A phone starts in the list.
 */
export function CalendarView(props: {
  timeZone: string;
  initialDate: string | undefined;
  /** An instant to show (the event just saved); the calendar moves there when it changes. */
  focus: string | undefined;
  list: EventList | undefined;
  context: CalendarContext | undefined;
  onRange: (range: { from: string; to: string }) => void;
  onSelect: (range: { start: Date; end: Date; allDay: boolean }) => void;
  /** An occurrence clicked: the event's, or one of its series (FullCalendar gives the occurrence). */
  onOpen: (occurrence: Occurrence) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const narrow = useMediaQuery("(max-width: 48em)", false, { getInitialValueInEffect: false });
  const items = useMemo(() => toItems(props.list, props.context), [props.list, props.context]);
  const other = props.context?.other;
  const otherZone = other && other.timeZone !== props.timeZone ? other.timeZone : undefined;
  const calendar = useRef<FullCalendar>(null);
  useEffect(() => {
    if (props.focus) calendar.current?.getApi().gotoDate(props.focus);
  }, [props.focus]);
  // The other party's clock widens the time axis once their zone is known: measure again, or
  // events would sit where the narrower axis had put the hours.
  useEffect(() => {
    if (otherZone) calendar.current?.getApi().updateSize();
  }, [otherZone]);

  return (
    <FullCalendar
      key={narrow ? "narrow" : "wide"}
      ref={calendar}
      plugins={PLUGINS}
      timeZone={props.timeZone}
      locales={[deLocale]}
      locale={locale}
      {...(props.initialDate ? { initialDate: props.initialDate } : {})}
      initialView={narrow ? "listWeek" : "timeGridWeek"}
      headerToolbar={
        narrow
          ? { start: "prev,next", center: "title", end: "listWeek,timeGridDay" }
          : {
              start: "prev,next today",
              center: "title",
              end: "dayGridMonth,timeGridWeek,timeGridDay,listWeek",
            }
      }
      // Words, not FullCalendar's icon font: its chevrons are images without a name.
      buttonIcons={false}
      buttonText={{
        prev: t("calendar.views.prev"),
        next: t("calendar.views.next"),
        today: t("calendar.views.today"),
        month: t("calendar.views.month"),
        week: t("calendar.views.week"),
        day: t("calendar.views.day"),
        listWeek: t("calendar.views.list"),
      }}
      height="auto"
      slotLabelFormat={CLOCK}
      eventTimeFormat={CLOCK}
      nowIndicator
      selectable
      selectMirror
      eventColor={EVENT_COLOR}
      events={items}
      datesSet={(arg: DatesSetArg) =>
        props.onRange({ from: arg.start.toISOString(), to: arg.end.toISOString() })
      }
      select={(arg: DateSelectArg) => {
        props.onSelect({ start: arg.start, end: arg.end, allDay: arg.allDay });
        arg.view.calendar.unselect();
      }}
      eventClick={(arg: EventClickArg) => {
        arg.jsEvent.preventDefault();
        const occurrence = arg.event.extendedProps.occurrence as Occurrence | undefined;
        if (occurrence) props.onOpen(occurrence);
      }}
      eventDidMount={asButton}
      slotLabelContent={(arg) =>
        otherZone ? (
          <span className="assista-axis">
            <span>{arg.text}</span>
            <span className="assista-axis-other" title={zoneLabel(otherZone, locale, arg.date)}>
              {clockIn(arg.date, otherZone, locale)}
            </span>
          </span>
        ) : (
          arg.text
        )
      }
    />
  );
}
