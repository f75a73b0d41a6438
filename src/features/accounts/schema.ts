import { z } from "zod";

// Shared by the server (validation before Better Auth sees a request) and the web forms, so a
// field error reads the same in the browser and in the API.

export const SELF_SERVICE_ROLES = ["client", "assistant"] as const;
export const ROLES = [...SELF_SERVICE_ROLES, "admin"] as const;
export type Role = (typeof ROLES)[number];
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

export const LOCALES = ["de", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// Building an Intl.DateTimeFormat costs tens of microseconds, and every time-zone field of every
// request and response is checked, so each zone id's answer is kept. The IANA set has ~600 names;
// the bound keeps arbitrary input (every distinct wrong string) from growing the map without end.
const TIME_ZONE_CACHE_MAX = 1024;
const timeZoneAnswers = new Map<string, boolean>();

function checkIanaTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    // Intl also accepts offsets such as "+01:00"; we keep only named zones so DST is handled.
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value);
  } catch {
    return false;
  }
}

export function isIanaTimeZone(value: string): boolean {
  const known = timeZoneAnswers.get(value);
  if (known !== undefined) return known;
  const answer = checkIanaTimeZone(value);
  if (timeZoneAnswers.size >= TIME_ZONE_CACHE_MAX) {
    // Drop the oldest answer (Map keeps insertion order).
    const oldest = timeZoneAnswers.keys().next();
    if (!oldest.done) timeZoneAnswers.delete(oldest.value);
  }
  timeZoneAnswers.set(value, answer);
  return answer;
}

/** How many zone answers are kept (for tests of the bound). */
export const timeZoneCacheSize = () => timeZoneAnswers.size;
export const TIME_ZONE_CACHE_LIMIT = TIME_ZONE_CACHE_MAX;

export const timeZoneSchema = z.string().max(64).refine(isIanaTimeZone, { message: "time_zone_invalid" });
export const localeSchema = z.enum(LOCALES);
export const emailSchema = z.email({ message: "email_invalid" }).max(254).trim().toLowerCase();
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, { message: "password_too_short" })
  .max(PASSWORD_MAX, { message: "password_too_long" });
export const nameSchema = z.string().trim().min(1, { message: "required" }).max(100);

export const signUpSchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  role: z.enum(SELF_SERVICE_ROLES, { message: "role_invalid" }),
  locale: localeSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  callbackURL: z.string().max(2000).optional(),
  rememberMe: z.boolean().optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, { message: "required" }).max(PASSWORD_MAX),
  callbackURL: z.string().max(2000).optional(),
  rememberMe: z.boolean().optional(),
});

/** What update-user accepts. Roles are deliberately absent: they change only through /api/v1/me/roles. */
export const updateUserSchema = z.strictObject({
  name: nameSchema.optional(),
  image: z.url().max(2000).nullable().optional(),
  locale: localeSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, { message: "required" }).max(PASSWORD_MAX),
  newPassword: passwordSchema,
  // Accepted for older clients and ignored: the server always ends the other sessions.
  revokeOtherSessions: z.boolean().optional(),
});

export const resetPasswordSchema = z.strictObject({
  newPassword: passwordSchema,
  token: z.string().min(1).max(500),
});

export const addRoleSchema = z.strictObject({
  role: z.enum(SELF_SERVICE_ROLES, { message: "role_invalid" }),
});

export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  roles: z.array(z.enum(ROLES)),
  locale: localeSchema,
  timeZone: z.string(),
  twoFactorEnabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Me = z.infer<typeof meSchema>;
