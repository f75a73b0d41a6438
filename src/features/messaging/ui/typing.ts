import { useSyncExternalStore } from "react";

/** The server lets one typing signal through every 3 s; a little more keeps the hint from flickering. */
const SHOWN_MS = 4_000;

type Listener = () => void;
const typingUntil = new Map<string, number>();
const listeners = new Set<Listener>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();

const keyOf = (threadId: string, userId: string) => `${threadId}:${userId}`;

function emit() {
  for (const listener of listeners) listener();
}

/** Someone is typing in a thread: shown for a few seconds, renewed by each signal. */
export function markTyping(threadId: string, userId: string) {
  const key = keyOf(threadId, userId);
  typingUntil.set(key, Date.now() + SHOWN_MS);
  clearTimeout(timers.get(key));
  timers.set(
    key,
    setTimeout(() => {
      typingUntil.delete(key);
      timers.delete(key);
      emit();
    }, SHOWN_MS),
  );
  emit();
}

/** Their message arrived: they stopped typing it. */
export function clearTyping(threadId: string, userId: string) {
  const key = keyOf(threadId, userId);
  if (!typingUntil.delete(key)) return;
  clearTimeout(timers.get(key));
  timers.delete(key);
  emit();
}

function subscribe(listener: Listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether this user is typing in this thread now, re-rendering when that changes. */
export function useTyping(threadId: string, userId: string | undefined): boolean {
  return useSyncExternalStore(subscribe, () =>
    userId ? (typingUntil.get(keyOf(threadId, userId)) ?? 0) > Date.now() : false,
  );
}
