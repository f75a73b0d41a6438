import { type CSSVariablesResolver, createTheme } from "@mantine/core";

// Shade 8 of blue keeps white button text and blue links above WCAG AA contrast (shade 6 is ~3.5:1);
// alerts and badges name shade 9 of their colour (e.g. "red.9") for the same reason.
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: {
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
});

// Mantine's default dimmed, error and link colours fall below 4.5:1 on white; axe flags them as serious.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-anchor": "var(--mantine-color-blue-8)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-7)",
    // Subtle and light buttons turn blue-2 on hover, under which blue-9 text drops to 4.0:1.
    "--mantine-color-blue-light-hover": "var(--mantine-color-blue-1)",
  },
  dark: {},
});
