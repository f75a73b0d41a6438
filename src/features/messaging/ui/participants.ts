import type { Thread } from "../schema.ts";

/** The other party of a thread (threads have two: the client and the assistant). */
export const otherParticipant = (thread: Thread, myId: string | undefined) =>
  thread.participants.find((p) => p.userId !== myId);

export const myParticipant = (thread: Thread, myId: string | undefined) =>
  thread.participants.find((p) => p.userId === myId);
