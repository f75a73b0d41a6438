/**
 * Signs in through the API from a client address of its own (the server trusts the forwarding
 * header in the benches, and sign-in is throttled per address): the session cookie and the id.
 */
export async function signIn(origin: string, email: string, password: string, address: string) {
  const res = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, "x-forwarded-for": address },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, id: ((await res.json()) as { user: { id: string } }).user.id };
}
