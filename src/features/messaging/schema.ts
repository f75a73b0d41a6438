import { z } from "zod";

export const THREAD_KINDS = ["bid", "contract"] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

/** What the pre-hire check looks for in bid threads (see contact-detection.ts). */
export const CONTACT_KINDS = ["email", "phone", "messenger"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** 10,000 characters: several screens of text; longer belongs in an attachment. */
export const MAX_MESSAGE_CHARS = 10_000;
/** A message can be edited this long after it was sent; later the other side may have acted on it. */
export const EDIT_WINDOW_MS = 10 * 60_000;

/**
 * A message body in the Markdown subset the web app renders (sanitized, links never fetched by
 * the server). Stored as written: whitespace is meaning in Markdown, so nothing is trimmed, but a
 * body of only whitespace is empty.
 */
export const messageBodySchema = z
  .string()
  .max(MAX_MESSAGE_CHARS, { message: "too_long" })
  .refine((s) => s.trim().length > 0, { message: "required" });

export const postMessageSchema = z.strictObject({
  body: messageBodySchema,
  /** The sender saw the warning about contact details before hire and sends anyway. */
  confirmContact: z.boolean().default(false),
});
export type PostMessageInput = z.infer<typeof postMessageSchema>;

/** The text fields of an attachment upload (multipart); the caption is optional. */
export const attachmentFieldsSchema = z.strictObject({
  body: z.string().max(MAX_MESSAGE_CHARS, { message: "too_long" }).default(""),
  confirmContact: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export const editMessageSchema = z.strictObject({
  body: z.string().max(MAX_MESSAGE_CHARS, { message: "too_long" }),
  confirmContact: z.boolean().default(false),
});
export type EditMessageInput = z.infer<typeof editMessageSchema>;

export const markReadSchema = z.strictObject({
  /** Read up to and including this message; without it, up to the newest. */
  messageId: z.uuid({ message: "id_invalid" }).optional(),
});

export const messageListQuerySchema = z.object({
  /** The cursor of the oldest message seen; pages go back in time, for scrolling up. */
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const attachmentSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});

export const messageSchema = z.object({
  id: z.uuid(),
  threadId: z.uuid(),
  senderId: z.string(),
  /** Empty once deleted. */
  body: z.string(),
  attachment: attachmentSchema.nullable(),
  /** Sent in a bid thread despite the warning: the recipient is shown a caution. */
  flaggedContact: z.boolean(),
  contactKinds: z.array(z.enum(CONTACT_KINDS)),
  editedAt: z.string().nullable(),
  /** A tombstone: the message was deleted and stays in the list as such. */
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Message = z.infer<typeof messageSchema>;

export const participantSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** Read receipt: the newest message this participant has read. */
  readUpToId: z.uuid().nullable(),
  readAt: z.string().nullable(),
});

export const threadSchema = z.object({
  id: z.uuid(),
  kind: z.enum(THREAD_KINDS),
  bidId: z.uuid().nullable(),
  contractId: z.uuid().nullable(),
  jobId: z.uuid(),
  jobTitle: z.string(),
  participants: z.array(participantSchema),
  lastMessage: messageSchema.nullable(),
  lastActivityAt: z.string(),
  /** Messages from the others that the signed-in user has not read. */
  unread: z.number().int(),
  /** Bid threads before hire check messages for contact details. */
  contactCheck: z.boolean(),
  createdAt: z.string(),
});
export type Thread = z.infer<typeof threadSchema>;

export const unreadCountsSchema = z.object({
  total: z.number().int(),
  threads: z.array(z.object({ threadId: z.uuid(), unread: z.number().int() })),
});
export type UnreadCounts = z.infer<typeof unreadCountsSchema>;

/** The events the realtime layer pushes to each participant, with their per-user sequence number. */
export const MESSAGING_EVENTS = ["message.created", "message.updated", "message.read"] as const;
export type MessagingEventType = (typeof MESSAGING_EVENTS)[number];

// What this feature sends on the live channel (the map: common/shared-schema.ts).
const messageEventData = z.object({ threadId: z.uuid(), message: messageSchema });
export const messagingLiveEvents = {
  "message.created": messageEventData,
  "message.updated": messageEventData,
  "message.read": z.object({
    threadId: z.uuid(),
    userId: z.string(),
    messageId: z.uuid(),
    readAt: z.string(),
  }),
  // Not stored: someone in a thread is typing.
  typing: z.object({ threadId: z.uuid(), userId: z.string() }),
};
/** What a participant's tab sends while they type (relayed to the thread's others as `typing`). */
export const typingFrameSchema = z.object({ type: z.literal("typing"), threadId: z.uuid() });

/** Messages still unread after five minutes (unread-mail.ts); every type: common/shared-schema.ts. */
export const MESSAGING_NOTICES = ["message.unread"] as const;
