import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "../../../web/api/http.ts";
import { type UploadOptions, uploadMultipart } from "../../../web/api/upload.ts";
import { pagedQuery, searchOf } from "../../../web/kit/paged-query.ts";
import { pageSchema } from "../../common/schema.ts";
import { type Message, messageSchema, type Thread, threadSchema } from "../schema.ts";

export { UNREAD_MESSAGES_KEY } from "../../../web/layout/messages-link.tsx";

// The unread counts live under the same root (see messages-link.tsx), so one invalidation reaches all.
export const MESSAGING_KEY = ["messaging"] as const;
export const THREADS_KEY = [...MESSAGING_KEY, "threads"] as const;

export const threadsQuery = pagedQuery(THREADS_KEY, "/api/v1/threads", threadSchema);

export const threadQuery = (id: string) =>
  queryOptions({
    queryKey: [...MESSAGING_KEY, "thread", id],
    queryFn: ({ signal }) => apiFetch(`/api/v1/threads/${id}`, { schema: threadSchema, signal }),
  });

/** 30 fill a laptop's pane; scrolling up asks for the next 30 before the oldest one seen. */
const MESSAGE_PAGE = 30;
const messagePageSchema = pageSchema(messageSchema);

/** A thread's messages, pages newest first (the pane shows them reversed, oldest at the top). */
export const messagesQuery = (threadId: string) =>
  infiniteQueryOptions({
    queryKey: [...MESSAGING_KEY, "messages", threadId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiFetch(
        `/api/v1/threads/${threadId}/messages${searchOf({ before: pageParam, limit: MESSAGE_PAGE })}`,
        {
          schema: messagePageSchema,
          signal,
        },
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Live events keep the cache current; a refetch would only re-ask for what is known.
    staleTime: Number.POSITIVE_INFINITY,
  });

export const openThread = (subject: "bids" | "contracts", id: string) =>
  apiFetch(`/api/v1/${subject}/${id}/thread`, { method: "POST", schema: threadSchema });

export const postMessage = (threadId: string, body: string, confirmContact: boolean) =>
  apiFetch(`/api/v1/threads/${threadId}/messages`, {
    method: "POST",
    body: confirmContact ? { body, confirmContact } : { body },
    schema: messageSchema,
  });

export const editMessage = (id: string, body: string, confirmContact: boolean) =>
  apiFetch(`/api/v1/messages/${id}`, {
    method: "PATCH",
    body: confirmContact ? { body, confirmContact } : { body },
    schema: messageSchema,
  });

export const deleteMessage = (id: string) =>
  apiFetch(`/api/v1/messages/${id}`, { method: "DELETE", schema: messageSchema });

// The answer of POST /threads/:id/read as routes.ts declares it (schema.ts does not export it).
const readStateSchema = z.object({ threadId: z.uuid(), unread: z.number().int(), total: z.number().int() });

export const markThreadRead = (threadId: string, messageId: string) =>
  apiFetch(`/api/v1/threads/${threadId}/read`, {
    method: "POST",
    body: { messageId },
    schema: readStateSchema,
  });

/** Sends a file (with an optional caption) into a thread, reporting upload progress. */
export const uploadAttachment = (
  threadId: string,
  file: File,
  fields: { body: string; confirmContact: boolean },
  options: UploadOptions,
) =>
  uploadMultipart(
    `/api/v1/threads/${threadId}/attachments`,
    { body: fields.body, confirmContact: String(fields.confirmContact) },
    file,
    { schema: messageSchema, tooLargeReason: "attachment.too_large" },
    options,
  );

/** Where the browser opens an attachment (PDFs and images inline, the rest as a download). */
export const attachmentUrl = (message: Pick<Message, "id">) => `/api/v1/messages/${message.id}/attachment`;

/** An opened thread goes into the cache, so its page shows at once, and into the list on its next load. */
export async function threadOpened(queryClient: QueryClient, thread: Thread) {
  queryClient.setQueryData(threadQuery(thread.id).queryKey, thread);
  await queryClient.invalidateQueries({ queryKey: THREADS_KEY });
}
