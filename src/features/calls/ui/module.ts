import { defineWebFeature } from "../../../web/routes/web-feature.ts";

// The rooms' pages belong to their doors (interviews, contracts); this feature brings the signalling.
export const callsWeb = defineWebFeature({
  live: async () => (await import("./live-calls.ts")).callsLiveHandlers,
});
