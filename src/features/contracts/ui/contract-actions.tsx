import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { notify } from "../../../web/layout/notify.ts";
import {
  ACTIONS_NEEDING_REASON,
  CONTRACT_REASON_MAX,
  type ContractAction,
  type ContractStatus,
  contractActionsFrom,
  transitionFormSchema,
} from "../schema.ts";
import { contractChanged, transitionContract } from "./workspace-api.ts";

/**
 * Pause, resume and end: the buttons the contract's status allows by the transition table (the
 * table the server enforces), each asking for a reason in a dialog before it acts.
 */
export function ContractActions({ contractId, status }: { contractId: string; status: ContractStatus }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<ContractAction | null>(null);
  const actions = contractActionsFrom(status);
  if (!actions.length) return null;
  return (
    <>
      <Group gap="xs">
        {actions.map((a) => (
          <Button
            key={a}
            size="sm"
            variant={a === "end" ? "outline" : "default"}
            color={a === "end" ? "red.9" : undefined}
            onClick={() => setAction(a)}
          >
            {t(`workspace.actions.${a}`)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={action !== null}
        onClose={() => setAction(null)}
        title={action ? t(`workspace.dialog.title_${action}`) : ""}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {action ? (
          <ReasonForm key={action} contractId={contractId} action={action} onDone={() => setAction(null)} />
        ) : null}
      </Modal>
    </>
  );
}

function ReasonForm(props: { contractId: string; action: ContractAction; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { action } = props;
  const required = ACTIONS_NEEDING_REASON.includes(action);
  const form = useZodForm(transitionFormSchema(action), { reason: "" });
  const typed = form.values.reason ?? "";
  const submit = form.onSubmit(
    async (data) => {
      await transitionContract(props.contractId, action, data.reason);
      await contractChanged(queryClient, props.contractId);
      props.onDone();
      await notify(t, "green", t(`workspace.done.${action}`));
    },
    // Nothing typed is no reason (which resuming allows), not an empty one.
    () => ({ reason: typed.trim() ? typed : undefined }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{t(`workspace.dialog.hint_${action}`)}</Text>
        <FormAlert error={form.formError} />
        <Textarea
          label={t(required ? "workspace.dialog.reason" : "workspace.dialog.reasonOptional")}
          required={required}
          autosize
          minRows={3}
          maxLength={CONTRACT_REASON_MAX}
          value={typed}
          onChange={(event) => form.setValue("reason", event.currentTarget.value)}
          error={translateFieldError(t, form.errors.reason)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            {t("workspace.dialog.cancel")}
          </Button>
          <Button type="submit" color={action === "end" ? "red.9" : undefined} loading={form.submitting}>
            {t(`workspace.dialog.confirm_${action}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
