import { Button, type ButtonProps } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useAction } from "../../../web/kit/use-action.ts";
import { openThread, threadOpened } from "./message-api.ts";

/** "Write a message" on a bid or a contract: opens its thread (or finds the open one) and goes there. */
export function OpenThreadButton(
  props: { subject: "bids" | "contracts"; id: string; label?: string } & ButtonProps,
) {
  const { subject, id, label, ...button } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { busy, error, run } = useAction<"open">();
  const open = () =>
    run("open", async () => {
      const thread = await openThread(subject, id);
      await threadOpened(queryClient, thread);
      await navigate({ to: "/messages/$threadId", params: { threadId: thread.id } });
    });
  return (
    <>
      <Button variant="outline" {...button} loading={busy === "open"} onClick={() => void open()}>
        {label ?? t("messages.write")}
      </Button>
      <FormAlert error={error} />
    </>
  );
}
