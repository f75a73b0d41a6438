import type { FastifyInstance } from "fastify";
import type { Role } from "../../features/accounts/schema.ts";
import type { CreateBidInput } from "../../features/bids/schema.ts";
import type { CreateJobInput } from "../../features/jobs/schema.ts";
import type { AssistantProfileInput, ClientProfileInput } from "../../features/profiles/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { imageTools } from "../images.ts";

/**
 * A lively marketplace for the demo logins, in German and English, made through the same
 * services the API uses: every job, bid and contract here passed the product's own rules.
 */

const DAY = 86_400_000;
const isoDate = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const deadline = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const weekdays = (from: string, to: string, days = ["mon", "tue", "wed", "thu", "fri"] as const) =>
  days.map((day) => ({ day, from, to }));

const ASSISTANT_PROFILES: Record<string, AssistantProfileInput> = {
  "anna@demo.assista.app": {
    headline: "Büroleiterin mit 15 Jahren Erfahrung in Buchhaltung und Terminorganisation",
    bio: "Ich habe **15 Jahre** das Sekretariat einer Steuerkanzlei in Köln geleitet und arbeite seit 2021 selbstständig.\n\n- Vorbereitende Buchhaltung mit DATEV und Lexoffice\n- Mahnwesen und Zahlungsverkehr\n- Terminplanung für Teams bis 20 Personen",
    yearsExperience: 15,
    skills: ["bookkeeping", "scheduling", "general_administration"],
    tags: ["DATEV", "Lexoffice", "Mahnwesen"],
    languages: [
      { code: "de", level: "native" },
      { code: "en", level: "fluent" },
    ],
    hourlyRateMinor: 3400,
    priceList: [
      { category: "bookkeeping", priceMinor: 6500 },
      { category: "scheduling", priceMinor: 2500 },
    ],
    currency: "EUR",
    timeZone: "Europe/Berlin",
    weeklyHours: weekdays("08:00", "14:00"),
    availability: "available",
  },
  "maria@demo.assista.app": {
    headline: "Social media and data entry for small businesses, 8 years remote",
    bio: "I plan, write and schedule posts for **Instagram, LinkedIn and Facebook**, and keep CRMs and spreadsheets clean.\n\nClients in Germany, the Netherlands and Australia; I work European mornings.",
    yearsExperience: 8,
    skills: ["social_media", "data_entry", "blog_writing"],
    tags: ["Canva", "Later", "HubSpot"],
    languages: [
      { code: "en", level: "fluent" },
      { code: "tl", level: "native" },
      { code: "de", level: "basic" },
    ],
    hourlyRateMinor: 1800,
    priceList: [{ category: "social_media", priceMinor: 3500 }],
    currency: "EUR",
    timeZone: "Asia/Manila",
    weeklyHours: weekdays("14:00", "22:00"),
    availability: "available",
  },
  "james@demo.assista.app": {
    headline: "Executive assistant: travel, calendars and inbox zero",
    bio: "Six years supporting founders in New York and London. I book complex trips, guard calendars across time zones and keep inboxes under control.",
    yearsExperience: 6,
    skills: ["travel_planning", "scheduling", "general_administration"],
    tags: ["Google Workspace", "Amex GBT"],
    languages: [{ code: "en", level: "native" }],
    hourlyRateMinor: 4200,
    priceList: [{ category: "travel_planning", priceMinor: 9000 }],
    currency: "EUR",
    timeZone: "America/New_York",
    weeklyHours: weekdays("07:00", "15:00"),
    availability: "limited",
  },
  "lena@demo.assista.app": {
    headline: "Ablage, Digitalisierung und allgemeine Verwaltung – strukturiert und diskret",
    bio: "Ich bringe Ordnung in Papier und Laufwerke: Scannen, Benennen, Ablagestrukturen, Aufbewahrungsfristen.\n\nFrüher Office-Managerin in einer Wiener Arztpraxis.",
    yearsExperience: 11,
    skills: ["file_management", "general_administration", "data_entry"],
    tags: ["DSGVO", "SharePoint"],
    languages: [
      { code: "de", level: "native" },
      { code: "en", level: "conversational" },
    ],
    hourlyRateMinor: 2900,
    priceList: [],
    currency: "EUR",
    timeZone: "Europe/Vienna",
    weeklyHours: weekdays("09:00", "17:00"),
    availability: "available",
  },
  "priya@demo.assista.app": {
    headline: "Blog writer and editor for B2B services",
    bio: "I write clear, well-researched articles and newsletters for consultancies and software firms. SEO-aware, never keyword-stuffed.",
    yearsExperience: 9,
    skills: ["blog_writing", "social_media"],
    tags: ["SEO", "WordPress", "Newsletters"],
    languages: [
      { code: "en", level: "native" },
      { code: "de", level: "conversational" },
    ],
    hourlyRateMinor: 3800,
    priceList: [{ category: "blog_writing", priceMinor: 18000 }],
    currency: "EUR",
    timeZone: "Europe/London",
    weeklyHours: weekdays("09:30", "17:30"),
    availability: "available",
  },
};

const CLIENT_PROFILES: Record<string, ClientProfileInput> = {
  "client@demo.assista.app": {
    displayName: "Berger Architekten GmbH",
    country: "DE",
    timeZone: "Europe/Berlin",
    billingAddress: { line1: "Lindenstraße 12", line2: "", postalCode: "10969", city: "Berlin" },
    vatId: "DE123456789",
  },
  "thomas@demo.assista.app": {
    displayName: "Steuerkanzlei Weber",
    country: "DE",
    timeZone: "Europe/Berlin",
    billingAddress: { line1: "Marktplatz 3", line2: "2. OG", postalCode: "80331", city: "München" },
    vatId: null,
  },
  "james@demo.assista.app": {
    displayName: "Miller Consulting LLC",
    country: "US",
    timeZone: "America/New_York",
    billingAddress: { line1: "350 5th Ave", line2: "Suite 2100", postalCode: "10118", city: "New York" },
    vatId: null,
  },
};

type DemoJob = {
  client: string;
  job: Partial<CreateJobInput> & Pick<CreateJobInput, "title" | "description">;
};

const BERLIN_OFFICE_HOURS = { hours: 3, timeZone: "Europe/Berlin", from: "09:00", to: "17:00" };

const JOBS: Record<string, DemoJob> = {
  bookkeeping: {
    client: "client@demo.assista.app",
    job: {
      title: "Vorbereitende Buchhaltung für ein Architekturbüro",
      description:
        "Wir sind ein Büro mit 12 Mitarbeitenden. Sie erfassen Eingangsrechnungen in DATEV Unternehmen online, gleichen Zahlungen ab und bereiten den Monatsabschluss für unsere Steuerberaterin vor.",
      categories: ["bookkeeping"],
      pricingModel: "hourly",
      maxRateMinor: 3800,
      expectedVolume: 8,
      languages: ["de"],
      overlap: BERLIN_OFFICE_HOURS,
      screeningQuestions: ["Mit welcher Buchhaltungssoftware haben Sie zuletzt gearbeitet?"],
    },
  },
  social: {
    client: "client@demo.assista.app",
    job: {
      title: "Instagram und LinkedIn für unsere Projekte betreuen",
      description:
        "Drei Beiträge pro Woche zu laufenden Bauprojekten: Fotos auswählen, kurze Texte schreiben (Deutsch), planen und Kommentare beantworten.",
      categories: ["social_media"],
      pricingModel: "per_task",
      maxRateMinor: 4500,
      expectedVolume: 12,
      languages: ["de"],
      screeningQuestions: ["Welche Tools nutzen Sie für die Planung von Beiträgen?"],
    },
  },
  travel: {
    client: "james@demo.assista.app",
    job: {
      title: "Travel planning for a consulting team (EU and US)",
      description:
        "Book flights, hotels and trains for a team of five travelling between New York, London and Frankfurt about twice a month. Keep a shared itinerary up to date.",
      categories: ["travel_planning", "scheduling"],
      pricingModel: "per_task",
      maxRateMinor: 9500,
      expectedVolume: 6,
      languages: ["en"],
      overlap: { hours: 2, timeZone: "America/New_York", from: "09:00", to: "17:00" },
    },
  },
  files: {
    client: "thomas@demo.assista.app",
    job: {
      title: "Digitalisierung unseres Papierarchivs (Mandantenakten)",
      description:
        "Rund 40 Ordner scannen lassen, Dateien nach unserem Schema benennen und in SharePoint ablegen. Vertraulichkeit ist Voraussetzung; eine Verschwiegenheitserklärung wird unterschrieben.",
      categories: ["file_management", "data_entry"],
      pricingModel: "hourly",
      maxRateMinor: 3200,
      expectedVolume: 15,
      durationWeeks: 8,
      languages: ["de"],
      overlap: { hours: 4, timeZone: "Europe/Berlin", from: "08:00", to: "16:00" },
      screeningQuestions: [
        "Haben Sie bereits mit vertraulichen Mandantendaten gearbeitet?",
        "Ab wann könnten Sie beginnen?",
      ],
    },
  },
  blog: {
    client: "james@demo.assista.app",
    job: {
      title: "Monthly blog articles on remote team management",
      description:
        "Two articles a month, 1,200–1,500 words each, for our consultancy's blog. Research, draft, one round of edits, and suggested LinkedIn teasers.",
      categories: ["blog_writing"],
      pricingModel: "per_task",
      maxRateMinor: 25000,
      expectedVolume: 2,
      languages: ["en"],
    },
  },
  scheduling: {
    client: "thomas@demo.assista.app",
    job: {
      title: "Terminvereinbarung für Mandantengespräche",
      description:
        "Sie koordinieren die Termine von zwei Steuerberatern mit Mandanten per E-Mail und Telefon und pflegen den gemeinsamen Kalender.",
      categories: ["scheduling", "general_administration"],
      pricingModel: "hourly",
      maxRateMinor: 3000,
      expectedVolume: 10,
      languages: ["de"],
      overlap: BERLIN_OFFICE_HOURS,
      visibility: "invite_only",
    },
  },
};

const BIDS: {
  job: keyof typeof JOBS;
  assistant: string;
  bid: Partial<CreateBidInput> & { rateMinor: number };
}[] = [
  {
    job: "bookkeeping",
    assistant: "anna@demo.assista.app",
    bid: {
      rateMinor: 3400,
      coverLetter:
        "Guten Tag Frau Berger,\n\nich betreue seit Jahren die vorbereitende Buchhaltung kleiner Büros in DATEV und könnte sofort starten. Meine Arbeitszeiten liegen vormittags, so dass wir uns täglich abstimmen können.",
      answers: ["DATEV Unternehmen online und Lexoffice."],
    },
  },
  {
    job: "bookkeeping",
    assistant: "lena@demo.assista.app",
    bid: {
      rateMinor: 3100,
      coverLetter:
        "Ich habe in einer Arztpraxis die Buchhaltung für den Steuerberater vorbereitet und kenne DATEV aus dieser Zeit.",
      answers: ["DATEV, davor Lexware."],
    },
  },
  {
    job: "bookkeeping",
    assistant: "maria@demo.assista.app",
    bid: {
      rateMinor: 2200,
      coverLetter:
        "Hello! My German is basic, but I have done invoice entry for a Dutch client in Exact Online for two years.",
      answers: ["Exact Online and Xero."],
    },
  },
  {
    job: "social",
    assistant: "maria@demo.assista.app",
    bid: {
      rateMinor: 3800,
      coverLetter:
        "I manage Instagram and LinkedIn for two architecture studios already; I'd write the captions in English and have them checked by a native German speaker.",
      answers: ["Later for planning, Canva for layouts."],
    },
  },
  {
    job: "social",
    assistant: "priya@demo.assista.app",
    bid: {
      rateMinor: 4500,
      coverLetter:
        "Ich schreibe gern auf Deutsch (C1) und kann Ihre Projekte fachkundig beschreiben; Beispiele schicke ich gern.",
      answers: ["Buffer und Notion."],
    },
  },
  {
    job: "travel",
    assistant: "priya@demo.assista.app",
    bid: {
      rateMinor: 9000,
      coverLetter:
        "Before writing full-time I coordinated travel for a London consultancy: multi-leg trips, visas and last-minute changes.",
    },
  },
  {
    job: "travel",
    assistant: "anna@demo.assista.app",
    bid: {
      rateMinor: 7500,
      coverLetter:
        "I organise trips for a Cologne law firm's partners, including rail within Germany, which is often faster than flying Frankfurt–London connections.",
    },
  },
  {
    job: "files",
    assistant: "lena@demo.assista.app",
    bid: {
      rateMinor: 2900,
      coverLetter:
        "Genau das habe ich in der Praxis gemacht: 60 Ordner Patientenakten digitalisiert, DSGVO-konform. Ich bringe einen Dokumentenscanner mit Einzug mit.",
      answers: ["Ja, Patientendaten in einer Arztpraxis.", "Ab dem ersten des kommenden Monats."],
    },
  },
  {
    job: "blog",
    assistant: "priya@demo.assista.app",
    bid: {
      rateMinor: 18000,
      coverLetter:
        "I've written about distributed teams for two SaaS companies. Here's how I'd structure the first three articles…",
    },
  },
];

/** A small social-media mock-up as a PNG (rendered from SVG), so image previews have something to show. */
const postImage = async () =>
  (await imageTools())(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="1080">
      <rect width="1080" height="1080" fill="#1c7ed6"/>
      <rect x="90" y="90" width="900" height="600" rx="24" fill="#e7f5ff"/>
      <text x="540" y="820" font-family="sans-serif" font-size="64" fill="#fff" text-anchor="middle">Neues Projekt: Haus am See</text>
      <text x="540" y="910" font-family="sans-serif" font-size="40" fill="#d0ebff" text-anchor="middle">Berger Architekten · Potsdam</text>
    </svg>`),
  )
    .png()
    .toBuffer();

const bookkeepingCsv = () =>
  Buffer.from(
    "Datum;Beleg;Lieferant;Netto;USt;Brutto;Konto\n2026-10-02;ER-1041;Papier Schulz GmbH;84,03;15,97;100,00;4930\n2026-10-05;ER-1042;Telekom Deutschland;41,18;7,82;49,00;4920\n2026-10-09;ER-1043;Bahn AG;126,05;23,95;150,00;4670\n",
  );

export async function seedMarketplace(app: FastifyInstance, ids: Map<string, { id: string; roles: Role[] }>) {
  const { profiles, samples, jobs, bids, contracts, interviews } = app.services;
  const actor = (email: string): Actor => {
    const u = ids.get(email);
    if (!u) throw new Error(`demo user ${email} missing`);
    return { userId: u.id, roles: u.roles };
  };

  for (const [email, profile] of Object.entries(ASSISTANT_PROFILES))
    await profiles.saveAssistant(actor(email), profile);
  for (const [email, profile] of Object.entries(CLIENT_PROFILES))
    await profiles.saveClient(actor(email), profile);

  const maria = actor("maria@demo.assista.app");
  const anna = actor("anna@demo.assista.app");
  const post = await samples.createFile(
    maria,
    {
      title: "Instagram-Beitrag für ein Architekturbüro",
      description: "",
      category: "social_media",
      visibility: "public",
    },
    { name: "beitrag.png", bytes: await postImage() },
  );
  const ledger = await samples.createFile(
    anna,
    {
      title: "Belegliste Oktober (anonymisiert)",
      description: "So bereite ich Eingangsrechnungen für die Steuerberatung auf.",
      category: "bookkeeping",
      visibility: "public",
    },
    { name: "belegliste-oktober.csv", bytes: bookkeepingCsv() },
  );
  const sampleFor: Record<string, string[]> = {
    "maria@demo.assista.app/social": [post.id],
    "anna@demo.assista.app/bookkeeping": [ledger.id],
  };

  const jobIds: Record<string, string> = {};
  for (const [key, { client, job }] of Object.entries(JOBS)) {
    const created = await jobs.create(actor(client), {
      currency: "EUR",
      startDate: isoDate(14),
      durationWeeks: null,
      languages: [],
      overlap: null,
      screeningQuestions: [],
      bidDeadline: deadline(21),
      visibility: "public",
      openings: 1,
      ...job,
    } as CreateJobInput);
    jobIds[key] = created.id;
    await jobs.transition(actor(client), created.id, "publish");
  }
  await jobs.invite(actor("thomas@demo.assista.app"), jobIds.scheduling as string, anna.userId);

  const bidIds: Record<string, string> = {};
  for (const { job, assistant, bid } of BIDS) {
    const created = await bids.submit(actor(assistant), jobIds[job] as string, {
      coverLetter: "",
      answers: [],
      earliestStart: isoDate(14),
      sampleIds: sampleFor[`${assistant}/${job}`] ?? [],
      ...bid,
    });
    bidIds[`${assistant}/${job}`] = created.id;
  }

  // The files job is already staffed: Thomas hired Lena. The others are mid-review.
  const thomas = actor("thomas@demo.assista.app");
  const lenaFiles = bidIds["lena@demo.assista.app/files"] as string;
  await bids.act(thomas, lenaFiles, "shortlist");
  const offer = await contracts.makeOffer(thomas, lenaFiles, {
    pricingModel: "hourly",
    rateMinor: 2900,
    weeklyHourCap: 15,
    startDate: isoDate(7),
    message: "Willkommen! Wir freuen uns auf die Zusammenarbeit.",
    exceedMaximum: false,
  });
  await contracts.respond(actor("lena@demo.assista.app"), offer.id, "accept");
  const clara = actor("client@demo.assista.app");
  await bids.act(clara, bidIds["anna@demo.assista.app/bookkeeping"] as string, "shortlist");
  await bids.act(
    clara,
    bidIds["maria@demo.assista.app/bookkeeping"] as string,
    "reject",
    "Vielen Dank! Wir suchen jemanden mit sehr guten Deutschkenntnissen.",
  );
  // Clara would like to meet Anna: three common times next week for Anna to choose from
  // (both keep their default hours: office hours in Berlin and Anna's profile hours).
  const shortlisted = bidIds["anna@demo.assista.app/bookkeeping"] as string;
  const { slots } = await interviews.slots(clara, shortlisted, {
    durationMinutes: 30,
    from: new Date(Date.now() + 7 * DAY).toISOString(),
  });
  const offered = [slots[0], slots[Math.floor(slots.length / 2)], slots.at(-1)].filter(
    (slot): slot is { start: string; end: string } => slot !== undefined,
  );
  if (offered.length)
    await interviews.request(clara, shortlisted, {
      durationMinutes: 30,
      proposals: [...new Set(offered.map((slot) => slot.start))],
      note: "Ein kurzes Kennenlernen per Video – ich zeige Ihnen unsere Belegablage.",
    });
}
