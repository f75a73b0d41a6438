import type { Signal } from "./signals.ts";

/**
 * Where the call stands: waiting for the other participant, negotiating, connected, interrupted
 * (the network dropped; ICE restarts), or the other participant hung up.
 */
export type CallPhase = "waiting" | "connecting" | "connected" | "interrupted" | "left";

export interface PeerSessionOptions {
  peerId: string;
  /** Perfect negotiation: the polite side yields when both offer at once. */
  polite: boolean;
  iceServers: RTCIceServer[];
  send: (signal: Signal) => boolean;
  onChange: (phase: CallPhase, remote: MediaStream | null) => void;
}

declare global {
  interface Window {
    /**
     * The room's current peer connection, for diagnostics (and the end-to-end tests' getStats()).
     * It shows nothing the user could not already see in chrome://webrtc-internals.
     */
    __assistaPeerConnection?: RTCPeerConnection | undefined;
  }
}

type Kind = "audio" | "video";

/**
 * One side of the 1:1 call, following MDN's "perfect negotiation": both sides run the same code;
 * `polite` decides who yields in a glare. Whoever is already in the room answers the other's `join`
 * with a fresh RTCPeerConnection and an offer, so a reload (or a rejoin) of either side starts over
 * cleanly; the joining side creates its connection when that offer arrives. Signals are handled one
 * at a time, in order.
 */
export class PeerSession {
  private pc: RTCPeerConnection | null = null;
  private readonly senders = new Map<Kind, RTCRtpSender>();
  private readonly tracks = new Map<Kind, MediaStreamTrack>();
  private stream = new MediaStream();
  private remote: MediaStream | null = null;
  private phase: CallPhase = "waiting";
  private makingOffer = false;
  private ignoreOffer = false;
  /** Candidates that came before the description they belong to (the relay may reorder). */
  private pending: (RTCIceCandidateInit | null)[] = [];
  private queue: Promise<void> = Promise.resolve();
  private joined = false;
  private closed = false;

  private readonly options: PeerSessionOptions;

  constructor(options: PeerSessionOptions) {
    this.options = options;
  }

  /** Enters the room with the local camera and microphone, and tells the other participant. */
  join(stream: MediaStream) {
    this.stream = stream;
    for (const track of stream.getTracks()) this.tracks.set(track.kind as Kind, track);
    this.joined = true;
    this.options.send({ kind: "join" });
    this.emit("waiting");
  }

  /** The live connection (re)opened: announce again unless the call is up (media does not need it). */
  reconnected() {
    if (!this.joined || this.closed) return;
    if (this.pc?.connectionState === "connected") return;
    this.options.send({ kind: "join" });
  }

  receive(from: string, signal: Signal) {
    if (!this.joined || this.closed || from !== this.options.peerId) return;
    this.queue = this.queue.then(() => this.handle(signal)).catch(() => undefined);
  }

  /** Swaps what a sender sends (another camera or microphone, or the screen) without renegotiating. */
  async replaceTrack(kind: Kind, track: MediaStreamTrack) {
    const old = this.tracks.get(kind);
    if (old && old !== track) this.stream.removeTrack(old);
    if (!this.stream.getTracks().includes(track)) this.stream.addTrack(track);
    this.tracks.set(kind, track);
    const sender = this.senders.get(kind);
    if (sender && this.pc && this.pc.signalingState !== "closed") await sender.replaceTrack(track);
  }

  /** Hangs up: the peer connection closes and the other participant hears `leave`. */
  leave() {
    if (this.closed) return;
    this.closed = true;
    if (this.joined) this.options.send({ kind: "leave" });
    this.closePc();
  }

  private emit(phase: CallPhase) {
    this.phase = phase;
    this.options.onChange(phase, this.remote);
  }

  private async handle(signal: Signal) {
    switch (signal.kind) {
      case "join":
        // The other side (re)entered: start over with a fresh connection; negotiationneeded offers.
        this.pending = [];
        this.createPc();
        return;
      case "leave":
        this.pending = [];
        this.closePc();
        this.emit("left");
        return;
      case "description":
        await this.onDescription(signal.description);
        return;
      case "candidate":
        if (!this.pc?.remoteDescription) this.pending.push(signal.candidate);
        else await this.addCandidate(signal.candidate);
        return;
    }
  }

  private async onDescription(description: RTCSessionDescriptionInit) {
    const pc = this.pc ?? this.createPc();
    const collision = description.type === "offer" && (this.makingOffer || pc.signalingState !== "stable");
    this.ignoreOffer = !this.options.polite && collision;
    if (this.ignoreOffer) return;
    await pc.setRemoteDescription(description);
    for (const candidate of this.pending.splice(0)) await this.addCandidate(candidate);
    if (description.type === "offer") {
      await pc.setLocalDescription();
      this.sendDescription(pc);
    }
  }

  private async addCandidate(candidate: RTCIceCandidateInit | null) {
    try {
      await this.pc?.addIceCandidate(candidate ?? undefined);
    } catch (error) {
      // Candidates of an ignored offer, or of a connection that was replaced meanwhile, may fail.
      if (!this.ignoreOffer && this.pc?.signalingState !== "closed") console.warn(error);
    }
  }

  private sendDescription(pc: RTCPeerConnection) {
    const local = pc.localDescription;
    if (local) this.options.send({ kind: "description", description: { type: local.type, sdp: local.sdp } });
  }

  private createPc(): RTCPeerConnection {
    this.closePc();
    const pc = new RTCPeerConnection({ iceServers: this.options.iceServers });
    this.pc = pc;
    window.__assistaPeerConnection = pc;
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.remote = new MediaStream();
    for (const kind of ["audio", "video"] as const) {
      const track = this.tracks.get(kind);
      if (track) this.senders.set(kind, pc.addTrack(track, this.stream));
    }
    pc.ontrack = ({ track }) => {
      if (this.pc !== pc || !this.remote) return;
      this.remote.addTrack(track);
      // A new MediaStream object, so the video element (and React) see the change.
      this.remote = new MediaStream(this.remote.getTracks());
      this.emit(this.phase);
    };
    pc.onicecandidate = ({ candidate }) => {
      if (this.pc === pc) this.options.send({ kind: "candidate", candidate: candidate?.toJSON() ?? null });
    };
    pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        if (this.pc === pc) this.sendDescription(pc);
      } catch (error) {
        console.warn(error);
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc) return;
      const state = pc.connectionState;
      if (state === "connected") this.emit("connected");
      else if (state === "disconnected" || state === "failed") {
        this.emit("interrupted");
        if (state === "failed") pc.restartIce();
      } else if (state === "new" || state === "connecting") this.emit("connecting");
    };
    this.emit("connecting");
    return pc;
  }

  private closePc() {
    const pc = this.pc;
    if (!pc) return;
    this.pc = null;
    this.senders.clear();
    this.remote = null;
    pc.ontrack = null;
    pc.onicecandidate = null;
    pc.onnegotiationneeded = null;
    pc.onconnectionstatechange = null;
    pc.close();
    if (window.__assistaPeerConnection === pc) window.__assistaPeerConnection = undefined;
  }
}
