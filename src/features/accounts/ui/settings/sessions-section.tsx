import { Badge, Button, Group, Loader, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { authClient, unwrap } from "../../../../web/api/auth-client.ts";
import { toApiError } from "../../../../web/api/problem-parse.ts";
import { FormAlert } from "../../../../web/forms/form-alert.tsx";
import { SettingsSection } from "../../../../web/layout/settings-section.tsx";
import type { Me } from "../../schema.ts";
import { describeDevice } from "./device-name.ts";

const SESSIONS_KEY = ["sessions"] as const;

async function loadSessions() {
  const [sessions, current] = await Promise.all([
    unwrap(authClient.listSessions()),
    unwrap(authClient.getSession()),
  ]);
  return { sessions, currentToken: current.session.token };
}

export function SessionsSection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSIONS_KEY, queryFn: loadSessions });
  const refresh = () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
  const revokeOne = useMutation({
    mutationFn: (token: string) => unwrap(authClient.revokeSession({ token })),
    onSettled: refresh,
  });
  const revokeOthers = useMutation({
    mutationFn: () => unwrap(authClient.revokeOtherSessions()),
    onSettled: refresh,
  });
  // Times in the account's zone, like everywhere in the app, not the browser's.
  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: me.timeZone,
  });
  const device = (agent: string | null | undefined) => {
    const [browser, system] = describeDevice(agent);
    if (browser && system) return t("settings.sessions.device", { browser, system });
    return browser ?? system ?? t("settings.sessions.unknownDevice");
  };
  const failure = query.error ?? revokeOne.error ?? revokeOthers.error;

  return (
    <SettingsSection title={t("settings.sessions.title")} description={t("settings.sessions.description")}>
      <FormAlert error={failure ? toApiError(failure) : null} />
      {query.data ? (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("settings.sessions.deviceColumn")}</Table.Th>
                <Table.Th scope="col">{t("settings.sessions.ip")}</Table.Th>
                <Table.Th scope="col">{t("settings.sessions.created")}</Table.Th>
                <Table.Th scope="col">{t("settings.sessions.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.sessions.map((session) => {
                const isCurrent = session.token === query.data.currentToken;
                const name = device(session.userAgent);
                return (
                  <Table.Tr key={session.id}>
                    <Table.Td>
                      <Group gap="xs">
                        <Text>{name}</Text>
                        {isCurrent ? (
                          <Badge color="teal.9" variant="filled">
                            {t("settings.sessions.current")}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{session.ipAddress || t("settings.sessions.unknownIp")}</Table.Td>
                    <Table.Td>{when.format(new Date(session.createdAt))}</Table.Td>
                    <Table.Td>
                      {isCurrent ? null : (
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          aria-label={t("settings.sessions.revokeNamed", { device: name })}
                          loading={revokeOne.isPending && revokeOne.variables === session.token}
                          onClick={() => revokeOne.mutate(session.token)}
                        >
                          {t("settings.sessions.revoke")}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : query.isPending ? (
        <Loader size="sm" role="status" aria-label={t("common.loading")} />
      ) : null}
      <Button
        variant="outline"
        color="red.9"
        style={{ alignSelf: "flex-start" }}
        disabled={!query.data || query.data.sessions.length < 2}
        loading={revokeOthers.isPending}
        onClick={() => revokeOthers.mutate()}
      >
        {t("settings.sessions.revokeOthers")}
      </Button>
    </SettingsSection>
  );
}
