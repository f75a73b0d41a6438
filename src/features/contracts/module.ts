import { defineFeature } from "../../server/feature.ts";
import type { RoomsService } from "../calls/rooms.ts";
import {
  type ContractCallService,
  contractDoor,
  createContractCallService,
  pendingCallAttention,
} from "./call.ts";
import { contractCallRoutes } from "./call-routes.ts";
import { type ContractGate, contractGate } from "./gate.ts";
import { createLifecycleService, type LifecycleService } from "./lifecycle.ts";
import { contractsNotices } from "./notices.ts";
import { createOverviewService, type OverviewService } from "./overview.ts";
import { contractsRoutes } from "./routes.ts";
import { type ContractsService, createContractsService } from "./service.ts";
import { workspaceRoutes } from "./workspace-routes.ts";

interface Uses {
  contracts: ContractsService;
  contractGate: ContractGate;
  contractLifecycle: LifecycleService;
  contractOverview: OverviewService;
  contractCalls: ContractCallService;
  rooms: RoomsService;
}

export const contractsFeature = defineFeature({
  name: "contracts",
  notices: contractsNotices,
  services: ({ db, notifier, deliverLive, contributions }) => ({
    contracts: createContractsService(db, notifier),
    // Who is a party to a contract, on which side, and what its status allows: one check for all.
    contractGate: contractGate(db),
    contractLifecycle: createLifecycleService(db, notifier),
    // "What needs attention" gathers what each domain contributes (read when an overview is asked for).
    contractOverview: createOverviewService(db, contributions.attention),
    contractCalls: createContractCallService(db, notifier, { deliver: deliverLive }),
  }),
  routes: (s: Uses) => [
    contractsRoutes(s.contracts),
    workspaceRoutes(s.contractGate, s.contractOverview, s.contractLifecycle),
    contractCallRoutes(s.rooms, s.contractCalls, s.contractGate),
  ],
  contribute: ({ contractGate: gate }: Uses, { db }) => ({
    attention: [pendingCallAttention(db)],
    doors: { contract: contractDoor(gate) },
  }),
});
