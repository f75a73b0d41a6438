import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Thread } from "../schema.ts";
import { useTyping } from "./typing.ts";

/** "… is typing": a polite live region that is always there, so screen readers announce the change. */
export function TypingIndicator(props: {
  threadId: string;
  user: Thread["participants"][number] | undefined;
}) {
  const { t } = useTranslation();
  const typing = useTyping(props.threadId, props.user?.userId);
  return (
    <Text size="sm" fs="italic" role="status" mih="1.5em">
      {typing && props.user ? t("messages.typing", { name: props.user.name }) : ""}
    </Text>
  );
}
