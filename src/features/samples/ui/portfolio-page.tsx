import { Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../web/api/me.ts";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { notify } from "../../../web/layout/notify.ts";
import { Page } from "../../../web/layout/page.tsx";
import type { Sample } from "../schema.ts";
import { LinkSampleForm } from "./link-sample-form.tsx";
import { PortfolioItem } from "./portfolio-item.tsx";
import { ownSamplesQuery, sampleAdded } from "./sample-api.ts";
import { UploadSampleForm } from "./upload-sample-form.tsx";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** The assistant's work samples: what is there, uploading a file, adding a link. */
export function PortfolioPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const samples = useQuery({ ...ownSamplesQuery, enabled: Boolean(me?.roles.includes("assistant")) });

  if (me && !me.roles.includes("assistant")) {
    return (
      <Page title={t("samples.portfolio.title")} size="md">
        <Text>
          {t("samples.portfolio.needRole")} <AnchorLink to="/settings">{t("nav.settings")}</AnchorLink>
        </Text>
      </Page>
    );
  }

  const added = async (sample: Sample, message: string) => {
    await sampleAdded(queryClient, sample);
    await notify(t, "green", message);
  };

  return (
    <Page title={t("samples.portfolio.title")} size="md">
      <Text>{t("samples.portfolio.intro")}</Text>
      <Section id="samples-list" title={t("samples.portfolio.listTitle")}>
        <QueryState query={samples}>
          {(items) =>
            items.length === 0 ? (
              <Text>{t("samples.portfolio.empty")}</Text>
            ) : (
              <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
                {items.map((sample) => (
                  <PortfolioItem key={sample.id} sample={sample} />
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Section>
      <Section id="samples-upload" title={t("samples.portfolio.uploadTitle")}>
        <UploadSampleForm
          submitLabel={t("samples.form.upload")}
          onUploaded={(sample) => added(sample, t("samples.portfolio.uploaded", { title: sample.title }))}
        />
      </Section>
      <Section id="samples-link" title={t("samples.portfolio.linkTitle")}>
        <LinkSampleForm
          onAdded={(sample) => added(sample, t("samples.portfolio.linkAdded", { title: sample.title }))}
        />
      </Section>
    </Page>
  );
}
