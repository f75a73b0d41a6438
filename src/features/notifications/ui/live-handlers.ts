import type { LiveHandlers } from "../../../web/live/socket.ts";

export const notificationsLiveHandlers: LiveHandlers = {
  // The bell's count and the notifications list both live under this key.
  "notification.created": (_frame, { queryClient }) =>
    void queryClient.invalidateQueries({ queryKey: ["notifications"] }),
};
