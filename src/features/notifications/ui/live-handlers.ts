import type { LiveHandlers } from "../../../web/live/socket.ts";

export const notificationsLiveHandlers: LiveHandlers = {
  // A notice may have come between the page's load and the socket's opening: the bell asks again,
  // and the pages that refresh on a notice (use-refetch-on-notice.ts) follow it.
  connected: ({ queryClient }) => void queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  // The bell's count and the notifications list both live under this key.
  "notification.created": (_frame, { queryClient }) =>
    void queryClient.invalidateQueries({ queryKey: ["notifications"] }),
};
