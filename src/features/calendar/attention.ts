import type { AttentionSource } from "../contracts/overview.ts";
import type { ContractEventsService } from "./events-service.ts";

/** How far ahead the overview looks for the next appointment. */
const LOOK_AHEAD_MS = 60 * 86_400_000;

/** "Needs attention": the contract's next appointment (or the one going on now), series expanded. */
export function nextEventAttention(events: ContractEventsService, now = () => Date.now()): AttentionSource {
  return async (scope) => {
    const from = now();
    const window = { from: new Date(from).toISOString(), to: new Date(from + LOOK_AHEAD_MS).toISOString() };
    const { events: list, occurrences } = await events.list(scope, window);
    const next = occurrences.find((o) => Date.parse(o.endsAt) > from);
    const event = next && list.find((e) => e.id === next.eventId);
    if (!next || !event) return [];
    return [
      {
        kind: "event.next",
        eventId: event.id,
        title: next.title ?? event.title,
        startsAt: next.startsAt,
        endsAt: next.endsAt,
        allDay: event.allDay,
        timeZone: event.timeZone,
      },
    ];
  };
}
