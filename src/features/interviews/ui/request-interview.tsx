import { Button, Group, Modal, Radio, Stack, Textarea, TextInput } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../web/api/me.ts";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { notify } from "../../../web/layout/notify.ts";
import { INTERVIEW_DURATIONS, type InterviewDuration } from "../../calendar/schema.ts";
import { requestInterviewSchema } from "../schema.ts";
import { interviewChanged, requestInterview } from "./interview-api.ts";
import { SlotPicker } from "./slot-picker.tsx";

/** "Interview anfragen" on a bid the client reviews: a dialog to offer one or several common times. */
export function RequestInterviewButton(props: { bidId: string; assistantName: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const phone = useMediaQuery("(max-width: 36em)");
  return (
    <>
      <Button variant="outline" onClick={() => setOpen(true)}>
        {t("interviews.request.open")}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t("interviews.request.title", { name: props.assistantName })}
        size="xl"
        fullScreen={phone ?? false}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {open ? <RequestInterviewForm bidId={props.bidId} onDone={() => setOpen(false)} /> : null}
      </Modal>
    </>
  );
}

function RequestInterviewForm(props: { bidId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useZodForm(requestInterviewSchema, { durationMinutes: 30, proposals: [], note: "" });
  // Kept apart from the values: an empty link is left out rather than sent as an invalid one.
  const [meetingUrl, setMeetingUrl] = useState("");
  const { values, errors } = form;
  const err = (field: string) => translateFieldError(t, errors[field]);
  const proposals = values.proposals ?? [];
  const submit = form.onSubmit(
    async (data) => {
      const interview = await requestInterview(props.bidId, data);
      await interviewChanged(queryClient, interview);
      props.onDone();
      await notify(t, "green", t("interviews.request.sent"));
      await navigate({ to: "/interviews/$interviewId", params: { interviewId: interview.id } });
    },
    () => (meetingUrl.trim() ? { meetingUrl } : {}),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={form.formError} />
        <Radio.Group
          label={t("interviews.request.duration")}
          value={String(values.durationMinutes)}
          onChange={(value) =>
            form.setValues({ ...values, durationMinutes: Number(value) as InterviewDuration, proposals: [] })
          }
        >
          <Group mt="xs">
            {INTERVIEW_DURATIONS.map((minutes) => (
              <Radio
                key={minutes}
                value={String(minutes)}
                label={t("interviews.minutes", { count: minutes })}
              />
            ))}
          </Group>
        </Radio.Group>
        {me ? (
          <SlotPicker
            bidId={props.bidId}
            viewerId={me.id}
            durationMinutes={values.durationMinutes}
            multiple
            selected={proposals}
            onChange={(next) => form.setValue("proposals", next)}
            error={err("proposals")}
          />
        ) : null}
        <TextInput
          label={t("interviews.request.meetingUrl")}
          description={t("interviews.request.meetingUrlHint")}
          type="url"
          value={meetingUrl}
          onChange={(event) => setMeetingUrl(event.currentTarget.value)}
          error={err("meetingUrl")}
        />
        <Textarea
          label={t("interviews.request.note")}
          autosize
          minRows={2}
          maxLength={2_000}
          value={values.note ?? ""}
          onChange={(event) => form.setValue("note", event.currentTarget.value)}
          error={err("note")}
        />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t("interviews.request.submit", { count: proposals.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
