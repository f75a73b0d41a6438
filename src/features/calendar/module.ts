import { defineFeature } from "../../server/feature.ts";
import type { ContractGate } from "../contracts/gate.ts";
import { nextEventAttention } from "./attention.ts";
import { contractEventsRoutes } from "./events-routes.ts";
import { type ContractEventsService, createContractEventsService } from "./events-service.ts";
import { calendarNotices } from "./notices.ts";

interface Uses {
  contractEvents: ContractEventsService;
  contractGate: ContractGate;
}

export const calendarFeature = defineFeature({
  name: "calendar",
  notices: calendarNotices,
  // The contract calendar: either party's change notifies the other (bell live, mail by preference).
  services: ({ db, notifier }) => ({ contractEvents: createContractEventsService(db, notifier) }),
  routes: (s: Uses) => [contractEventsRoutes(s.contractEvents, s.contractGate)],
  contribute: (s: Uses) => ({ attention: [nextEventAttention(s.contractEvents)] }),
});
