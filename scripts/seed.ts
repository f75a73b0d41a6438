// npm run seed: (re)creates the demo accounts. On PostgreSQL only a database without users is seeded.
import { count } from "drizzle-orm";
import { user } from "../src/features/accounts/tables.ts";
import { buildApp } from "../src/server/app.ts";
import { parseConfig } from "../src/server/config.ts";
import { seedDemo } from "../src/server/seed/demo.ts";

const config = parseConfig();
const app = await buildApp(config, { logger: { level: "warn" } });
try {
  const [row] = await app.database.db.select({ n: count() }).from(user);
  if (config.databaseUrl && (row?.n ?? 0) > 0) {
    console.error("This PostgreSQL database already has users; the demo data is not seeded there.");
    process.exitCode = 1;
  } else {
    await seedDemo(app);
    console.log("Demo accounts seeded. Password for all: see README.");
  }
} finally {
  await app.close();
}
