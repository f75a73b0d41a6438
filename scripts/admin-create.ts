// npm run admin:create -- --email a@b.c --name "Ada Admin" [--password ...]
// Makes a new admin, or grants admin to an existing account. The only way to become admin.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { createUserWithPassword, findUserByEmail } from "../src/features/accounts/factory.ts";
import { emailSchema, passwordSchema } from "../src/features/accounts/schema.ts";
import { user } from "../src/features/accounts/tables.ts";
import { buildApp } from "../src/server/app.ts";
import { parseConfig } from "../src/server/config.ts";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
});
const email = emailSchema.safeParse(values.email);
if (!email.success) {
  console.error(
    'Usage: npm run admin:create -- --email admin@example.com [--name "Ada Admin"] [--password ...]',
  );
  process.exit(2);
}
const password = values.password ?? randomBytes(12).toString("base64url");
if (!passwordSchema.safeParse(password).success) {
  console.error("The password must have 12 to 128 characters.");
  process.exit(2);
}
const app = await buildApp(parseConfig(), { logger: { level: "warn" } });
try {
  const existing = await findUserByEmail(app.database.db, email.data);
  if (existing) {
    await app.database.db
      .update(user)
      .set({ roles: sql`array_append(${user.roles}, 'admin')` })
      .where(sql`${user.id} = ${existing.id} AND NOT ('admin' = ANY(${user.roles}))`);
    console.log(`${email.data} is now an admin.`);
  } else {
    await createUserWithPassword(app.auth, {
      name: values.name ?? "Admin",
      email: email.data,
      password,
      roles: ["admin"],
    });
    console.log(`Admin ${email.data} created${values.password ? "" : ` with password ${password}`}.`);
  }
} finally {
  await app.close();
}
