import { type LiveHandlers, onLiveReady, sendFrame } from "../../../web/live/socket.ts";
import { addressOf, type CallRinging, type RoomRef, type RtcRelayed, type RtcSignal } from "../schema.ts";

/** What the video room hears from the live connection: each (re)connect and each signalling step. */
export interface RtcListener {
  ready: () => void;
  signal: (data: RtcRelayed) => void;
}
const rtcListeners = new Set<RtcListener>();
const ringListeners = new Set<(ringing: CallRinging) => void>();

export const callsLiveHandlers: LiveHandlers = {
  "rtc.signal": ({ data }) => {
    for (const listener of rtcListeners) listener.signal(data);
  },
  "call.ringing": ({ data }) => {
    for (const listener of ringListeners) listener(data);
  },
};

/** Hears the other party of a contract start its call (the ringing banner). */
export function listenRinging(listener: (ringing: CallRinging) => void): () => void {
  ringListeners.add(listener);
  return () => {
    ringListeners.delete(listener);
  };
}

/** Listens for video-room signalling; `ready` runs now when the connection is already open. */
export function listenRtc(listener: RtcListener): () => void {
  rtcListeners.add(listener);
  const stopReady = onLiveReady(listener.ready);
  return () => {
    rtcListeners.delete(listener);
    stopReady();
  };
}

/** Sends one signalling step to the room's other participant; false when not connected. */
export function sendRtc(room: RoomRef, signal: RtcSignal): boolean {
  return sendFrame({ type: "rtc.signal", ...addressOf(room), signal });
}
