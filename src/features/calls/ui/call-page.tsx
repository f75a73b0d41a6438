import { Alert, Button, Container, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../../web/layout/page.tsx";
import type { Room } from "../schema.ts";
import { MicLevel } from "./mic-level.tsx";
import type { CallPhase } from "./peer-session.ts";
import classes from "./room.module.css";
import { type DeviceChoice, useLocalMedia } from "./use-media.ts";
import { usePeer } from "./use-peer.ts";

type Media = ReturnType<typeof useLocalMedia>;

export interface CallPageProps {
  /** The page's heading (and the tab's title). */
  title: string;
  query: UseQueryResult<Room>;
  /** Why this room cannot be entered (now), in the words of its kind (interview or contract). */
  unavailable: (error: unknown) => ReactNode;
  /** Runs when the user joins, before the call starts (a contract's call rings the other party). */
  onJoin?: (room: Room) => void;
  /** Where hanging up leads. */
  onHangUp: (room: Room) => void;
  /** The pre-join hint's variant: the caller's, or someone answering a call that waits. */
  answering?: boolean;
}

/**
 * A video call page: a check of camera and microphone first, then the call. One page for both
 * kinds of room; the interview room and the contract call only say what is different.
 */
export function CallPage(props: CallPageProps) {
  const { t } = useTranslation();
  const { query } = props;
  usePageTitle(props.title);
  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Title order={1}>{props.title}</Title>
        {query.error ? (
          props.unavailable(query.error)
        ) : query.data ? (
          <RoomView room={query.data} {...props} />
        ) : (
          <Text role="status">{t("common.loading")}</Text>
        )}
      </Stack>
    </Container>
  );
}

/** Interview texts by default; a contract's call has its own where they differ (i18next context). */
const contextOf = (room: Room) => (room.kind === "contract" ? "contract" : undefined);

function RoomView({ room, onJoin, onHangUp, answering }: { room: Room } & Omit<CallPageProps, "title">) {
  const media = useLocalMedia();
  const [joined, setJoined] = useState(false);
  return joined && media.stream ? (
    <Call room={room} media={media} stream={media.stream} onHangUp={() => onHangUp(room)} />
  ) : (
    <PreJoin
      room={room}
      media={media}
      answering={answering ?? false}
      onJoin={() => {
        onJoin?.(room);
        setJoined(true);
      }}
    />
  );
}

/** A muted <video> showing one local track (the preview and the small own picture). */
function LocalVideo({
  track,
  className,
  label,
}: {
  track: MediaStreamTrack | null;
  className: string | undefined;
  label: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = track ? new MediaStream([track]) : null;
  }, [track]);
  return <video ref={ref} className={className} aria-label={label} autoPlay playsInline muted />;
}

const MEDIA_PROBLEM_KEYS = {
  denied: "room.media.denied",
  noDevices: "room.media.noDevices",
  inUse: "room.media.inUse",
  unsupported: "room.media.unsupported",
  failed: "room.media.failed",
} as const;

/** One device list; the value is the device of the track in use, so a switch shows at once. */
function DeviceSelect(props: {
  label: string;
  devices: DeviceChoice[];
  track: MediaStreamTrack | null;
  disabled: boolean;
  onPick: (deviceId: string) => void;
}) {
  return (
    <NativeSelect
      label={props.label}
      value={props.track?.getSettings().deviceId ?? ""}
      disabled={props.disabled || props.devices.length === 0}
      data={props.devices.map((d) => ({ value: d.deviceId, label: d.label }))}
      onChange={(event) => props.onPick(event.currentTarget.value)}
      miw="12rem"
    />
  );
}

function DeviceSelects({ media, disabled = false }: { media: Media; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start" wrap="wrap">
      <DeviceSelect
        label={t("room.devices.camera")}
        devices={media.cameras}
        track={media.video}
        disabled={disabled}
        onPick={(id) => void media.switchDevice("video", id)}
      />
      <DeviceSelect
        label={t("room.devices.microphone")}
        devices={media.microphones}
        track={media.audio}
        disabled={disabled}
        onPick={(id) => void media.switchDevice("audio", id)}
      />
    </Group>
  );
}

function PreJoin(props: { room: Room; media: Media; answering: boolean; onJoin: () => void }) {
  const { t } = useTranslation();
  const { room, media, onJoin } = props;
  const name = room.peer.name;
  return (
    <Stack gap="md" maw="40rem">
      <Title order={2}>{t("room.prejoin.heading", { name, context: contextOf(room) })}</Title>
      <Text>{t("room.prejoin.hint", { name, context: props.answering ? "answer" : contextOf(room) })}</Text>
      {media.problem ? (
        <Alert color="red.9" variant="outline" role="alert">
          {t(MEDIA_PROBLEM_KEYS[media.problem])}
        </Alert>
      ) : null}
      <LocalVideo track={media.video} className={classes.preview} label={t("room.prejoin.preview")} />
      <DeviceSelects media={media} />
      <Stack gap={4}>
        <Text size="sm" fw={500} aria-hidden>
          {t("room.prejoin.level")}
        </Text>
        <MicLevel track={media.audio} />
      </Stack>
      <Group>
        <Button size="md" disabled={!media.stream} onClick={onJoin}>
          {t("room.prejoin.join")}
        </Button>
      </Group>
    </Stack>
  );
}

const PHASE_KEYS: Record<CallPhase, string> = {
  waiting: "room.state.waiting",
  connecting: "room.state.connecting",
  connected: "room.state.connected",
  interrupted: "room.state.interrupted",
  left: "room.state.left",
};

function Call(props: { room: Room; media: Media; stream: MediaStream; onHangUp: () => void }) {
  const { t } = useTranslation();
  const { room, media, stream } = props;
  const { phase, remote, replaceTrack } = usePeer(room, stream);
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [screen, setScreen] = useState<MediaStreamTrack | null>(null);
  const [devicesOpen, setDevicesOpen] = useState(false);
  const [shareFailed, setShareFailed] = useState(false);
  const remoteRef = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (remoteRef.current) remoteRef.current.srcObject = remote;
  }, [remote]);
  // A switched device starts enabled; keep the user's mute and camera choice.
  useEffect(() => {
    if (media.audio) media.audio.enabled = !muted;
  }, [media.audio, muted]);
  useEffect(() => {
    if (media.video) media.video.enabled = !cameraOff;
  }, [media.video, cameraOff]);
  // A new camera or microphone goes to the peer in place of the old one.
  useEffect(() => {
    if (media.audio) void replaceTrack("audio", media.audio);
  }, [media.audio, replaceTrack]);
  useEffect(() => {
    if (media.video && !screen) void replaceTrack("video", media.video);
  }, [media.video, screen, replaceTrack]);
  useEffect(() => () => screen?.stop(), [screen]);

  const share = async () => {
    setShareFailed(false);
    if (screen) {
      screen.stop();
      setScreen(null);
      return;
    }
    try {
      const display = await navigator.mediaDevices.getDisplayMedia({ video: true });
      const track = display.getVideoTracks()[0];
      if (!track) return;
      // The browser's own "stop sharing" ends the track: back to the camera.
      track.addEventListener("ended", () => setScreen((s) => (s === track ? null : s)));
      await replaceTrack("video", track);
      setScreen(track);
    } catch (error) {
      if (!(error instanceof DOMException && error.name === "NotAllowedError")) setShareFailed(true);
    }
  };

  const hangUp = () => {
    screen?.stop();
    media.stop();
    // Leaving the page closes the connection and tells the other participant (use-peer.ts).
    props.onHangUp();
  };

  const hasRemote = phase === "connected" || phase === "interrupted" || phase === "connecting";
  return (
    <Stack gap="md" data-connection-state={phase} data-testid="call">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{room.peer.name}</Title>
        <Text role="status" aria-live="polite" fw={600}>
          {t(PHASE_KEYS[phase], { name: room.peer.name, context: contextOf(room) })}
        </Text>
      </Group>
      <div className={classes.stage} data-remote={hasRemote && remote ? "" : undefined}>
        {/* biome-ignore lint/a11y/useMediaCaption: a live call has no caption track to offer */}
        <video
          ref={remoteRef}
          className={classes.remote}
          aria-label={t("room.call.remoteVideo", { name: room.peer.name })}
          autoPlay
          playsInline
        />
        {hasRemote && remote ? null : (
          <div className={classes.waiting}>
            <Text>{t(PHASE_KEYS[phase], { name: room.peer.name, context: contextOf(room) })}</Text>
          </div>
        )}
        <LocalVideo track={screen ?? media.video} className={classes.own} label={t("room.call.ownVideo")} />
      </div>
      {shareFailed ? (
        <Alert color="red.9" variant="outline" role="alert">
          {t("room.call.shareFailed")}
        </Alert>
      ) : null}
      {media.problem ? (
        <Alert color="red.9" variant="outline" role="alert">
          {t(MEDIA_PROBLEM_KEYS[media.problem])}
        </Alert>
      ) : null}
      <Group gap="xs" wrap="wrap" role="toolbar" aria-label={t("room.call.controls")}>
        <Button
          variant={muted ? "filled" : "default"}
          aria-pressed={muted}
          onClick={() => setMuted((m) => !m)}
        >
          {t("room.call.mute")}
        </Button>
        <Button
          variant={cameraOff ? "filled" : "default"}
          aria-pressed={cameraOff}
          onClick={() => setCameraOff((c) => !c)}
        >
          {t("room.call.cameraOff")}
        </Button>
        {typeof navigator.mediaDevices?.getDisplayMedia === "function" ? (
          <Button
            variant={screen ? "filled" : "default"}
            aria-pressed={screen !== null}
            onClick={() => void share()}
          >
            {t("room.call.share")}
          </Button>
        ) : null}
        <Button
          variant="default"
          aria-expanded={devicesOpen}
          aria-controls="room-devices"
          onClick={() => setDevicesOpen((o) => !o)}
        >
          {t("room.call.devices")}
        </Button>
        <Button color="red.9" onClick={hangUp}>
          {t("room.call.hangUp")}
        </Button>
      </Group>
      <div id="room-devices" hidden={!devicesOpen}>
        {devicesOpen ? <DeviceSelects media={media} disabled={screen !== null} /> : null}
      </div>
    </Stack>
  );
}
