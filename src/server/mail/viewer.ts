import { desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { publicAccess } from "../http/access.ts";
import { escapeHtml } from "./html.ts";
import { mailOutbox } from "./tables.ts";

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem"><main>${body}</main></body></html>`;

/**
 * The dev mail viewer: every mail the app wrote to the outbox, newest first, links clickable.
 * Registered only outside production, where no SMTP server may be at hand.
 */
// Anyone who reaches a development server reads its mail: that is what the viewer is for.
const DEV = { access: publicAccess() };

export function registerMailViewer(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const idParams = z.object({ id: z.uuid() });
  const oneMail = { schema: { hide: true, params: idParams }, config: DEV };
  const load = async (id: string) => {
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    if (!mail) throw new AppError("not_found");
    return mail;
  };

  r.get("/dev/mail", { schema: { hide: true }, config: DEV }, async (_request, reply) => {
    const mails = await db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(200);
    const rows = mails
      .map(
        (m) => `<tr><td>${escapeHtml(m.createdAt.toISOString())}</td><td>${escapeHtml(m.to)}</td>
<td><a href="/dev/mail/${m.id}">${escapeHtml(m.subject)}</a></td><td>${escapeHtml(m.status)}</td></tr>`,
      )
      .join("");
    reply.type("text/html; charset=utf-8");
    return page(
      "Dev mail",
      `<h1>Dev mail</h1><p>Mails written by this Assista instance (newest first).</p>
<table><thead><tr><th scope="col">Time (UTC)</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Status</th></tr></thead>
<tbody>${rows || '<tr><td colspan="4">No mail yet.</td></tr>'}</tbody></table>`,
    );
  });

  r.get("/dev/mail/:id", oneMail, async (request, reply) => {
    const mail = await load(request.params.id);
    reply.type("text/html; charset=utf-8");
    return page(
      mail.subject,
      `<p><a href="/dev/mail">All mail</a></p><h1>${escapeHtml(mail.subject)}</h1><p>To: ${escapeHtml(mail.to)}</p>
<iframe title="${escapeHtml(mail.subject)}" src="/dev/mail/${mail.id}/html" style="width:100%;height:24rem;border:1px solid #ccc"></iframe>
<h2>Text</h2><pre style="white-space:pre-wrap">${escapeHtml(mail.text)}</pre>`,
    );
  });

  r.get("/dev/mail/:id/html", oneMail, async (request, reply) => {
    const mail = await load(request.params.id);
    // The mail's own links must open the app, not inside the frame.
    reply.type("text/html; charset=utf-8");
    return mail.html.replace("<body", '<head><base target="_top"></head><body');
  });

  r.get("/dev/mail.json", { schema: { hide: true }, config: DEV }, async () => {
    const mails = await db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(200);
    return mails.map(({ id, to, subject, text, status, createdAt }) => ({
      id,
      to,
      subject,
      text,
      status,
      createdAt,
    }));
  });
}
