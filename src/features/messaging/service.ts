import { randomUUID } from "node:crypto";
import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import { olderThan, pageOf } from "../../server/cursor.ts";
import type { Db, Tx } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import type { Delivery, EventLog } from "../../server/realtime/event-log.ts";
import { refreshAheadCache } from "../../server/refresh-ahead.ts";
import type { Storage } from "../../server/storage/storage.ts";
import { bidStatusOf } from "../bids/reads.ts";
import { loadVisibleBid } from "../bids/service.ts";
import type { LiveEvent } from "../common/shared-schema.ts";
import type { ContractScope } from "../contracts/gate.ts";
import { cleanFileName, detectAttachmentType } from "./attachments.ts";
import {
  createFloodGuard,
  createSignalThrottle,
  DEFAULT_FLOOD_LIMIT,
  type FloodLimit,
  type FloodStore,
} from "./flood.ts";
import { createMessageWriter } from "./message-writer.ts";
import { checkContacts, requireEditable, requireOwnLiveMessage, requireParticipant } from "./policy.ts";
import type { EditMessageInput, Message, PostMessageInput, Thread, UnreadCounts } from "./schema.ts";
import { message, thread, threadParticipant } from "./tables.ts";
import { checksContacts, createThreadViews, toMessage, unreadCounts } from "./views.ts";

export interface MessagingOptions {
  /**
   * The per-user event log (events.ts): each change writes its events inside its own
   * transaction (`publish`); sending a message folds them into the statement that stores it
   * (`ctes`, see message-writer.ts).
   */
  log: Pick<EventLog, "publish" | "ctes" | "numberedOf">;
  /**
   * Hands events to the live channel: after commit, each stored event to each recipient with its
   * number; typing at once, unnumbered. A failure here never fails the change: clients catch up
   * from the log on their next reconnect.
   */
  deliver?: (deliveries: Delivery[]) => void;
  /** The clock for message times and the edit window; tests set it. */
  now?: () => Date;
  flood?: FloodLimit;
  /** Where send times are counted: this process by default, Redis when instances share users. */
  floodStore?: FloodStore;
}

type Subject = { kind: "bid"; bidId: string } | { kind: "contract"; contractId: string };

export function createMessagingService(db: Db, storage: Storage, options: MessagingOptions) {
  const now = options.now ?? (() => new Date());
  const flood = createFloodGuard(options.flood ?? DEFAULT_FLOOD_LIMIT, now, options.floodStore);
  const typingThrottle = createSignalThrottle({ max: 1, windowMs: 3_000 }, now);
  const writer = createMessageWriter(db, options.log);
  const threadViews = createThreadViews(db);

  function deliver(deliveries: Delivery[]) {
    try {
      if (deliveries.length) options.deliver?.(deliveries);
    } catch {
      // Committed already; see MessagingOptions.deliver.
    }
  }

  /** Runs a change and its events in one transaction, then delivers the numbered events. */
  async function change<T>(work: (tx: Tx) => Promise<{ result: T; events: Event[] }>): Promise<T> {
    const { result, deliveries } = await db.transaction(async (tx) => {
      const { result, events } = await work(tx);
      const deliveries: Delivery[] = [];
      for (const { to, event } of events) {
        const numbered = await options.log.publish(to, event, tx);
        if (!numbered?.length) deliveries.push({ userIds: to, event });
        else
          for (const n of numbered)
            deliveries.push({ userIds: [n.userId], event: { id: String(n.seq), ...event } });
      }
      return { result, deliveries };
    });
    deliver(deliveries);
    return result;
  }

  /** A thread with all its participants and whether it checks contacts, or undefined. */
  async function threadFacts(threadId: string) {
    const rows = await db
      .select({ thread, userId: threadParticipant.userId, bidStatus: bidStatusOf(thread.bidId) })
      .from(thread)
      .innerJoin(threadParticipant, eq(threadParticipant.threadId, thread.id))
      .where(eq(thread.id, threadId));
    const first = rows[0];
    if (!first) return undefined;
    return {
      thread: first.thread,
      participants: rows.map((r) => r.userId),
      contactCheck: checksContacts(first.thread.kind, first.bidStatus),
    };
  }

  /** A thread the actor takes part in (404 for anyone else). */
  async function loadThread(actor: Actor, threadId: string) {
    const facts = await threadFacts(threadId);
    if (!facts) throw new AppError("not_found");
    requireParticipant(actor, facts.participants);
    return facts;
  }

  // Who takes part in a thread never changes, and whether it checks contact details changes once
  // (at hire, to "no"). Sending, the busiest call, keeps both for a few seconds, checked again in
  // the background while a conversation goes on: the only difference is that a message just after
  // a hire may still get the contact warning.
  const recentThreads = refreshAheadCache<{ participants: string[]; contactCheck: boolean }>({
    ttlMs: 10_000,
    max: 10_000,
  });
  async function threadForSending(actor: Actor, threadId: string) {
    const reload = async () => {
      const facts = await threadFacts(threadId);
      return facts && { value: facts };
    };
    const hit = recentThreads.get(threadId, reload);
    if (hit) {
      requireParticipant(actor, hit.participants);
      return hit;
    }
    const { participants, contactCheck } = await loadThread(actor, threadId);
    const entry = { participants, contactCheck };
    recentThreads.set(threadId, entry);
    return entry;
  }

  async function loadMessage(actor: Actor, messageId: string) {
    const [row] = await db.select().from(message).where(eq(message.id, messageId));
    if (!row) throw new AppError("not_found");
    return { row, ...(await loadThread(actor, row.threadId)) };
  }

  async function view(actor: Actor, threadId: string): Promise<Thread> {
    const [found] = await threadViews(actor.userId, { threadId }, 1);
    if (!found) throw new AppError("not_found");
    return found;
  }

  /** Opens the subject's thread once; a second open (or a race) finds the first. */
  async function open(viewerId: string, subject: Subject, parties: string[]) {
    const created = await db.transaction(async (tx) => {
      const at = now();
      const [row] = await tx
        .insert(thread)
        .values({ ...subject, lastActivityAt: at, createdAt: at })
        .onConflictDoNothing()
        .returning({ id: thread.id });
      if (row)
        await tx
          .insert(threadParticipant)
          .values(parties.map((userId) => ({ threadId: row.id, userId, lastActivityAt: at })));
      return row;
    });
    const where =
      subject.kind === "bid" ? eq(thread.bidId, subject.bidId) : eq(thread.contractId, subject.contractId);
    const [existing] = await db.select({ id: thread.id }).from(thread).where(where);
    const [found] = existing ? await threadViews(viewerId, { threadId: existing.id }, 1) : [];
    if (!found) throw new AppError("not_found");
    return { thread: found, created: Boolean(created) };
  }

  const messageEvent = (type: "message.created" | "message.updated", to: string[], m: Message): Event => ({
    to,
    event: { type, data: { threadId: m.threadId, message: m } },
  });

  async function send(
    actor: Actor,
    threadId: string,
    input: PostMessageInput,
    file?: { name: string; bytes: Buffer },
  ): Promise<Message> {
    const t = await threadForSending(actor, threadId);
    const kinds = checkContacts(input.body, t.contactCheck, input.confirmContact);
    const name = file ? cleanFileName(file.name) : "";
    const attachment = file
      ? { name, type: await detectAttachmentType({ name, bytes: file.bytes }) }
      : undefined;
    await flood.take(actor.userId);
    const id = randomUUID();
    const key = attachment ? `messages/${threadId}/${id}` : null;
    if (key && file && attachment) await storage.put(key, file.bytes, attachment.type);
    try {
      const at = now();
      const row: typeof message.$inferSelect = {
        id,
        threadId,
        senderId: actor.userId,
        body: input.body,
        attachmentKey: key,
        attachmentName: attachment?.name ?? null,
        attachmentType: attachment?.type ?? null,
        attachmentSize: file?.bytes.length ?? null,
        flaggedContact: kinds.length > 0,
        contactKinds: kinds,
        editedAt: null,
        deletedAt: null,
        createdAt: at,
      };
      const m = toMessage(row);
      const event = messageEvent("message.created", t.participants, m);
      const numbered = await writer.write({ row, item: event });
      deliver(numbered.map((n) => ({ userIds: [n.userId], event: { id: String(n.seq), ...event.event } })));
      return m;
    } catch (error) {
      // No message, no file: nothing is left half-written.
      if (key) await storage.delete(key);
      throw error;
    }
  }

  return {
    async openBidThread(actor: Actor, bidId: string) {
      const row = await loadVisibleBid(db, actor, bidId);
      return open(actor.userId, { kind: "bid", bidId }, [row.bid.assistantId, row.job.clientId]);
    },

    /** The contract's thread, for its two parties (the gate's "message" scope). */
    async openContractThread(scope: ContractScope) {
      const { contractId, clientId, assistantId } = scope;
      return open(scope.userId, { kind: "contract", contractId }, [clientId, assistantId]);
    },

    get: view,

    /** One's threads, newest activity first. */
    async list(actor: Actor, cursor: string | undefined, limit: number) {
      const rows = await threadViews(actor.userId, { cursor }, limit + 1);
      return pageOf(rows, limit, (t) => ({ at: new Date(t.lastActivityAt), id: t.id }));
    },

    /** A page of messages, newest first; `before` continues towards older ones. */
    async messages(actor: Actor, threadId: string, before: string | undefined, limit: number) {
      await loadThread(actor, threadId);
      const rows = await db
        .select()
        .from(message)
        .where(and(eq(message.threadId, threadId), olderThan(before, message.createdAt, message.id)))
        .orderBy(desc(message.createdAt), desc(message.id))
        .limit(limit + 1);
      const page = pageOf(rows, limit, (r) => ({ at: r.createdAt, id: r.id }));
      return { ...page, items: page.items.map(toMessage) };
    },

    /** For the upload route: refuse outsiders before reading a 20 MB body. */
    async requireParticipant(actor: Actor, threadId: string) {
      await loadThread(actor, threadId);
    },

    post: (actor: Actor, threadId: string, input: PostMessageInput) => send(actor, threadId, input),
    postAttachment: send,

    async edit(actor: Actor, messageId: string, input: EditMessageInput): Promise<Message> {
      const { row, participants, contactCheck } = await loadMessage(actor, messageId);
      requireOwnLiveMessage(actor, row);
      requireEditable(row.createdAt, now());
      if (!input.body.trim() && !row.attachmentKey) {
        throw new AppError("validation_failed", {
          errors: [{ field: "body", code: "required", message: "Write a message." }],
        });
      }
      const kinds = checkContacts(input.body, contactCheck, input.confirmContact);
      return change(async (tx) => {
        const [updated] = await tx
          .update(message)
          .set({ body: input.body, editedAt: now(), flaggedContact: kinds.length > 0, contactKinds: kinds })
          .where(and(eq(message.id, messageId), sql`${message.deletedAt} IS NULL`))
          .returning();
        if (!updated) throw new AppError("conflict", { reason: "message.deleted" });
        const m = toMessage(updated);
        return { result: m, events: [messageEvent("message.updated", participants, m)] };
      });
    },

    /** Deleting leaves a tombstone in its place: no text, no file, the time of deletion. */
    async remove(actor: Actor, messageId: string): Promise<Message> {
      const { row, participants } = await loadMessage(actor, messageId);
      if (row.senderId === actor.userId && row.deletedAt) return toMessage(row);
      requireOwnLiveMessage(actor, row);
      const m = await change(async (tx) => {
        const [updated] = await tx
          .update(message)
          .set({
            body: "",
            attachmentKey: null,
            attachmentName: null,
            attachmentType: null,
            attachmentSize: null,
            flaggedContact: false,
            contactKinds: [],
            deletedAt: now(),
          })
          .where(eq(message.id, messageId))
          .returning();
        const m = toMessage(updated as typeof message.$inferSelect);
        return { result: m, events: [messageEvent("message.updated", participants, m)] };
      });
      if (row.attachmentKey) await storage.delete(row.attachmentKey);
      return m;
    },

    /** Moves the actor's read position forward to a message (default: the newest); never back. */
    async markRead(actor: Actor, threadId: string, messageId: string | undefined) {
      const { participants } = await loadThread(actor, threadId);
      const [target] = await db
        .select({ id: message.id, createdAt: message.createdAt })
        .from(message)
        .where(and(eq(message.threadId, threadId), messageId ? eq(message.id, messageId) : undefined))
        .orderBy(desc(message.createdAt), desc(message.id))
        .limit(1);
      if (messageId && !target) throw new AppError("not_found", { reason: "message.not_in_thread" });
      if (target) {
        await change(async (tx) => {
          const readAt = now();
          const moved = await tx
            .update(threadParticipant)
            .set({ readUpToId: target.id, readUpToAt: target.createdAt, readAt })
            .where(
              and(
                eq(threadParticipant.threadId, threadId),
                eq(threadParticipant.userId, actor.userId),
                or(
                  sql`${threadParticipant.readUpToAt} IS NULL`,
                  sql`(${threadParticipant.readUpToAt}, ${threadParticipant.readUpToId}) < (${target.createdAt.toISOString()}::timestamptz, ${target.id}::uuid)`,
                ),
              ),
            )
            .returning({ userId: threadParticipant.userId });
          const event = {
            type: "message.read" as const,
            data: { threadId, userId: actor.userId, messageId: target.id, readAt: readAt.toISOString() },
          };
          return { result: null, events: moved.length ? [{ to: participants, event }] : [] };
        });
      }
      const counts = await unreadCounts(db, actor.userId);
      return {
        threadId,
        unread: counts.threads.find((c) => c.threadId === threadId)?.unread ?? 0,
        total: counts.total,
      };
    },

    /** "Is typing" to the other participants: not stored, at most one per user and thread every 3 s. */
    async typing(actor: Actor, threadId: string) {
      const key = `${actor.userId}:${threadId}`;
      if (!typingThrottle(key)) return;
      const { participants } = await loadThread(actor, threadId);
      const others = participants.filter((id) => id !== actor.userId);
      deliver([{ userIds: others, event: { type: "typing", data: { threadId, userId: actor.userId } } }]);
    },

    unreadCounts: (actor: Actor): Promise<UnreadCounts> => unreadCounts(db, actor.userId),

    /** The attachment's bytes, for the thread's participants; gone once the message is deleted. */
    async openAttachment(actor: Actor, messageId: string) {
      const { row } = await loadMessage(actor, messageId);
      if (!row.attachmentKey) throw new AppError("not_found");
      const stream = await storage.get(row.attachmentKey);
      if (!stream) throw new AppError("not_found");
      return {
        stream,
        contentType: row.attachmentType ?? "application/octet-stream",
        fileName: row.attachmentName ?? "attachment",
      };
    },
  };
}

interface Event {
  to: string[];
  event: LiveEvent;
}

export type MessagingService = ReturnType<typeof createMessagingService>;
