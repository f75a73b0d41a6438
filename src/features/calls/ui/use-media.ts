import { useCallback, useEffect, useRef, useState } from "react";

export type MediaProblem = "denied" | "noDevices" | "inUse" | "unsupported" | "failed";
type Kind = "audio" | "video";

export interface DeviceChoice {
  deviceId: string;
  label: string;
}

function problemOf(error: unknown): MediaProblem {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "noDevices";
  if (name === "NotReadableError" || name === "AbortError") return "inUse";
  return "failed";
}

const constraint = (deviceId: string | null): MediaTrackConstraints | boolean =>
  deviceId ? { deviceId: { exact: deviceId } } : true;

/**
 * The camera and microphone: asks once for both (or whichever exists), lists the devices (their
 * names appear only after permission), and swaps one device for another in the same stream, so a
 * call in progress keeps its stream and only the track changes.
 */
export function useLocalMedia() {
  const streamRef = useRef<MediaStream | null>(null);
  const [tracks, setTracks] = useState<{ audio: MediaStreamTrack | null; video: MediaStreamTrack | null }>({
    audio: null,
    video: null,
  });
  const [problem, setProblem] = useState<MediaProblem | null>(null);
  const [ready, setReady] = useState(false);
  const [cameras, setCameras] = useState<DeviceChoice[]>([]);
  const [microphones, setMicrophones] = useState<DeviceChoice[]>([]);

  const refreshDevices = useCallback(async () => {
    const devices = await navigator.mediaDevices.enumerateDevices();
    const pick = (kind: MediaDeviceKind) =>
      devices
        .filter((d) => d.kind === kind && d.deviceId)
        .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
    setCameras(pick("videoinput"));
    setMicrophones(pick("audioinput"));
  }, []);

  const publish = useCallback((stream: MediaStream) => {
    setTracks({ audio: stream.getAudioTracks()[0] ?? null, video: stream.getVideoTracks()[0] ?? null });
  }, []);

  useEffect(() => {
    let cancelled = false;
    const media = navigator.mediaDevices;
    if (!media?.getUserMedia) {
      setProblem("unsupported");
      return;
    }
    const open = async (): Promise<MediaStream> => {
      try {
        return await media.getUserMedia({ audio: true, video: true });
      } catch (error) {
        // Only one of the two present (a laptop without camera): take what there is.
        if (problemOf(error) !== "noDevices") throw error;
        try {
          return await media.getUserMedia({ audio: true });
        } catch {
          return await media.getUserMedia({ video: true });
        }
      }
    };
    open().then(
      (stream) => {
        if (cancelled) {
          for (const t of stream.getTracks()) t.stop();
          return;
        }
        streamRef.current = stream;
        publish(stream);
        setReady(true);
        void refreshDevices();
      },
      (error: unknown) => {
        if (!cancelled) setProblem(problemOf(error));
      },
    );
    media.addEventListener?.("devicechange", refreshDevices);
    return () => {
      cancelled = true;
      media.removeEventListener?.("devicechange", refreshDevices);
      for (const t of streamRef.current?.getTracks() ?? []) t.stop();
      streamRef.current = null;
    };
  }, [publish, refreshDevices]);

  /** Another camera or microphone: the new track replaces the old one in the stream; answers it. */
  const switchDevice = useCallback(
    async (kind: Kind, deviceId: string): Promise<MediaStreamTrack | null> => {
      const stream = streamRef.current;
      if (!stream) return null;
      try {
        const fresh = await navigator.mediaDevices.getUserMedia({ [kind]: constraint(deviceId) });
        const track = (kind === "audio" ? fresh.getAudioTracks() : fresh.getVideoTracks())[0] ?? null;
        if (!track) return null;
        const old = kind === "audio" ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
        if (old) {
          track.enabled = old.enabled;
          stream.removeTrack(old);
          old.stop();
        }
        stream.addTrack(track);
        publish(stream);
        setProblem(null);
        return track;
      } catch (error) {
        setProblem(problemOf(error));
        return null;
      }
    },
    [publish],
  );

  /** Ends the camera and microphone (hanging up, leaving the page). */
  const stop = useCallback(() => {
    for (const t of streamRef.current?.getTracks() ?? []) t.stop();
  }, []);

  return {
    stream: ready ? streamRef.current : null,
    audio: tracks.audio,
    video: tracks.video,
    problem,
    cameras,
    microphones,
    switchDevice,
    stop,
  };
}
