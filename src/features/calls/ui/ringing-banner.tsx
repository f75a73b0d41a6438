import { Button, Group, Paper, Text } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "../../../web/layout/links.tsx";
import type { CallRinging } from "../schema.ts";

/** A ring nobody answers stops showing after this long; the notification stays in the bell. */
const RINGS_FOR_MS = 90_000;

/**
 * "Anna is calling – Join": shown on whatever page the user is on when the other party of a
 * contract starts its call (the live `call.ringing` event). Joining answers, so it does not ring back.
 * The shell keys it by the user, so signing in as someone else drops a ring meant for the last one.
 */
export function RingingBanner() {
  const { t } = useTranslation();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const [ringing, setRinging] = useState<CallRinging | null>(null);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    // The live connection's module loads on demand (web/layout/use-live.ts); the same instance.
    void import("./live-calls.ts").then(({ listenRinging }) => {
      if (!cancelled) stop = listenRinging(setRinging);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);
  useEffect(() => {
    if (!ringing) return;
    const timer = setTimeout(() => setRinging(null), RINGS_FOR_MS);
    // The caller hanging up before anyone answered ends the ring: their "leave" reaches every tab.
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import("./live-calls.ts").then(({ listenRtc }) => {
      if (cancelled) return;
      stop = listenRtc({
        ready: () => {},
        signal: (relayed) => {
          const signal = relayed.signal as { kind?: string } | null;
          if (
            relayed.contractId === ringing.contractId &&
            relayed.from === ringing.callerId &&
            signal?.kind === "leave"
          )
            setRinging(null);
        },
      });
    });
    return () => {
      clearTimeout(timer);
      cancelled = true;
      stop?.();
    };
  }, [ringing]);

  // Already in that call (or its pre-join): nothing to announce.
  if (!ringing || path === `/contracts/${ringing.contractId}/call`) return null;
  return (
    <aside aria-label={t("ringing.label")} className="ringing-banner">
      <Paper shadow="md" withBorder p="sm" role="alert">
        <Group gap="sm" justify="space-between" wrap="wrap">
          <Text fw={600}>{t("ringing.message", { name: ringing.callerName, job: ringing.jobTitle })}</Text>
          <Group gap="xs">
            <ButtonLink
              to="/contracts/$contractId/call"
              params={{ contractId: ringing.contractId }}
              search={{ answer: true }}
              onClick={() => setRinging(null)}
            >
              {t("ringing.join")}
            </ButtonLink>
            <Button variant="default" onClick={() => setRinging(null)}>
              {t("ringing.dismiss")}
            </Button>
          </Group>
        </Group>
      </Paper>
    </aside>
  );
}
