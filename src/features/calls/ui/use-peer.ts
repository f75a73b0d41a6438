import { useCallback, useEffect, useRef, useState } from "react";
import { type Room, refOf, roomRefOf } from "../schema.ts";
import { listenRtc, sendRtc } from "./live-calls.ts";
import { type CallPhase, PeerSession } from "./peer-session.ts";
import { parseSignal } from "./signals.ts";

/**
 * The call of one room over the app's live connection: null `stream` until the user joins. Leaving
 * the page (or closing the tab) hangs up, so the other participant sees it at once.
 */
export function usePeer(room: Room, stream: MediaStream | null) {
  const [phase, setPhase] = useState<CallPhase>("waiting");
  const [remote, setRemote] = useState<MediaStream | null>(null);
  const session = useRef<PeerSession | null>(null);

  useEffect(() => {
    if (!stream) return;
    const ref = roomRefOf(room);
    const peer = new PeerSession({
      peerId: room.peer.userId,
      polite: room.polite,
      iceServers: room.iceServers,
      send: (signal) => sendRtc(ref, signal),
      onChange: (next, remoteStream) => {
        setPhase(next);
        setRemote(remoteStream);
      },
    });
    session.current = peer;
    let joined = false;
    const stop = listenRtc({
      // The first `ready` joins; later ones (after a dropped connection) announce again.
      ready: () => {
        if (joined) peer.reconnected();
        else {
          joined = true;
          peer.join(stream);
        }
      },
      signal: (data) => {
        const from = refOf(data);
        if (from.kind !== ref.kind || from.id !== ref.id) return;
        const signal = parseSignal(data.signal);
        if (signal) peer.receive(data.from, signal);
      },
    });
    const onPageHide = () => peer.leave();
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      stop();
      peer.leave();
      session.current = null;
    };
  }, [room, stream]);

  const replaceTrack = useCallback(
    (kind: "audio" | "video", track: MediaStreamTrack) =>
      session.current?.replaceTrack(kind, track) ?? Promise.resolve(),
    [],
  );
  return { phase, remote, replaceTrack };
}
