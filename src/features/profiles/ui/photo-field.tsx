import { Avatar, Button, FileButton, Group, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../web/api/problem.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useAction } from "../../../web/kit/use-action.ts";
import { notify } from "../../../web/layout/notify.ts";
import { MAX_PHOTO_BYTES, type PublicAssistantProfile } from "../schema.ts";
import { assistantProfileSaved, photoUrl, removePhoto, uploadPhoto } from "./profile-api.ts";

const PHOTO_TYPES = "image/png,image/jpeg,image/webp";

/** The profile photo, saved on its own at once: it is a file, not a field of the profile form. */
export function PhotoField({ profile }: { profile: PublicAssistantProfile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { busy, error, run } = useAction<"upload" | "remove">();

  const upload = (file: File | null) =>
    file &&
    run("upload", async () => {
      // Checked here too, so a large file is refused before it is sent; the server has the last word.
      if (file.size > MAX_PHOTO_BYTES) {
        throw new ApiError({
          type: "about:blank",
          title: "Payload too large",
          status: 413,
          code: "payload_too_large",
          reason: "profile.photo_too_large",
        });
      }
      assistantProfileSaved(queryClient, await uploadPhoto(file));
      await notify(t, "green", t("profiles.photo.saved"));
    });

  const remove = () =>
    run("remove", async () => {
      await removePhoto();
      assistantProfileSaved(queryClient, { ...profile, hasPhoto: false });
      await notify(t, "green", t("profiles.photo.removed"));
    });

  return (
    <Stack gap="xs" component="section" aria-labelledby="photo-title">
      <Text fw={500} id="photo-title">
        {t("profiles.photo.title")}
      </Text>
      <Group>
        <Avatar
          src={profile.hasPhoto ? photoUrl(profile) : null}
          alt={profile.hasPhoto ? t("profiles.photo.alt", { name: profile.name }) : ""}
          size={96}
          radius="md"
        />
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t("profiles.photo.hint")}
          </Text>
          <Group gap="xs">
            <FileButton onChange={(file) => void upload(file)} accept={PHOTO_TYPES}>
              {(props) => (
                <Button {...props} variant="outline" loading={busy === "upload"}>
                  {t(profile.hasPhoto ? "profiles.photo.replace" : "profiles.photo.upload")}
                </Button>
              )}
            </FileButton>
            {profile.hasPhoto ? (
              <Button variant="default" loading={busy === "remove"} onClick={() => void remove()}>
                {t("profiles.photo.remove")}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Group>
      <FormAlert error={error} />
    </Stack>
  );
}
