import { Alert, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../web/api/problem.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";

/** The kinds of contact details the server found (field errors contact_email|phone|messenger). */
export function contactKindsOf(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.reason !== "message.contact_detected") return null;
  return error.fieldErrors.map((e) => e.code.replace(/^contact_/, ""));
}

/**
 * Before hire, a message with an e-mail address, phone number or messenger handle is held back:
 * the sender is told why, and may still send it (the recipient then sees it marked).
 */
export function ContactWarning(props: { kinds: string[]; busy: boolean; onSendAnyway: () => void }) {
  const { t } = useTranslation();
  const found = props.kinds.map((kind) =>
    t([`messages.contact.kinds.${kind}`, "messages.contact.kinds.other"]),
  );
  return (
    // Red shade 9: yellow and orange text fall below 4.5:1 on white.
    <Alert color="red.9" variant="outline" role="alert" title={t("messages.contact.title")}>
      <Text size="sm">{t("messages.contact.body", { found: found.join(", ") })}</Text>
      <Group gap="xs" mt="xs">
        <Button size="compact-sm" color="red.9" loading={props.busy} onClick={props.onSendAnyway}>
          {t("messages.contact.sendAnyway")}
        </Button>
      </Group>
    </Alert>
  );
}

/** What a guarded send has to say: its failure, or the contact warning with "send anyway". */
export function SendFeedback(props: {
  guard: {
    error: ApiError | null;
    contactKinds: string[] | null;
    busy: boolean;
    sendAnyway: () => Promise<void>;
  };
}) {
  const { guard } = props;
  return (
    <>
      <FormAlert error={guard.error} />
      {guard.contactKinds ? (
        <ContactWarning
          kinds={guard.contactKinds}
          busy={guard.busy}
          onSendAnyway={() => void guard.sendAnyway()}
        />
      ) : null}
    </>
  );
}
