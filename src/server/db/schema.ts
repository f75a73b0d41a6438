// Every table of the application, for Drizzle's relational queries and for drizzle-kit.
export * from "../../features/accounts/tables.ts";
export * from "../mail/tables.ts";
