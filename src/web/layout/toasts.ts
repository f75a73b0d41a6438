// The toast package with its styles, as one chunk that loads with the first toast (notify.ts).
import "@mantine/core/styles/Notification.css";
import "@mantine/notifications/styles.css";

export { Notifications, notifications } from "@mantine/notifications";
