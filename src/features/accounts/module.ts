import { defineFeature } from "../../server/feature.ts";
import { accountsRoutes } from "./routes.ts";
import { type AccountsService, createAccountsService } from "./service.ts";

export const accountsFeature = defineFeature({
  name: "accounts",
  services: ({ db, sessions }) => ({ accounts: createAccountsService(db, sessions) }),
  routes: ({ accounts }: { accounts: AccountsService }) => [accountsRoutes(accounts)],
});
