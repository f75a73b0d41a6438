import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { ApiError } from "./api/problem.ts";
import { useToastsWanted } from "./layout/notify.ts";
import { createAppRouter } from "./router.tsx";
import { cssVariablesResolver, theme } from "./theme.ts";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A problem answer (4xx) will not change on retry; only network trouble is worth one more try.
      retry: (failures, error) =>
        failures < 1 &&
        !(error instanceof ApiError && error.problem.status >= 400 && error.problem.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});
const router = createAppRouter(queryClient);

// Toasts are never needed for the first paint; their package (and its transitions) loads with the
// first toast (layout/notify.ts).
const Notifications = lazy(() => import("./layout/toasts.ts").then((m) => ({ default: m.Notifications })));

export function App() {
  const toasts = useToastsWanted();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {toasts ? (
        <Suspense fallback={null}>
          {/* At the bottom: at the top they covered the header's links and the bell. */}
          <Notifications position="bottom-right" />
        </Suspense>
      ) : null}
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
