import { expect, type Page, test } from "@playwright/test";
import { zoneLabel } from "../src/web/kit/zone-label.ts";
import { expectAccessible } from "./support/a11y.ts";
import { contractViaApi, signedIn, signedInGerman } from "./support/marketplace.ts";
import { tr } from "./support/translations.ts";

const t = (key: string, values?: Record<string, string | number>) => tr("de", key, values);
const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";

/** "HH:mm" in New York of a wall reading ("2027-01-11T09:00") in Berlin. */
function newYorkClock(berlinWall: string): string {
  const asUtc = Date.parse(`${berlinWall}:00Z`);
  // Berlin's offset then: what its clock reads at that instant ("sv-SE" reads "2027-01-11 10:00:00"), less the instant.
  const berlin = new Date(asUtc).toLocaleString("sv-SE", { timeZone: BERLIN });
  const offset = Date.parse(`${berlin.replace(" ", "T")}Z`) - asUtc;
  return new Date(asUtc - offset).toLocaleTimeString("de-DE", {
    timeZone: NEW_YORK,
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** The Monday of next week or the one after (never within two days), as "YYYY-MM-DD". */
function comingMonday(): string {
  const day = new Date(Date.now() + 3 * 86_400_000);
  while (day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An appointment in the week view, named by what it shows: its start on the reader's clock, its title. */
const appointment = (page: Page, title: string, start: string) =>
  page.getByRole("button", { name: new RegExp(`^${start} - \\d\\d:\\d\\d\\W+${escaped(title)}$`) }).first();

test("Vertragskalender: die Assistenz trägt einen wöchentlichen Termin ein, die Auftraggeberin in New York sieht und verlegt ihn, die Assistenz sieht die Änderung – auch auf dem Handy (deutsch)", async ({
  browser,
}) => {
  const stamp = Date.now();
  const job = `Praxisorganisation ${stamp}`;
  const title = `Zahnarzt Frau Berger ${stamp}`;
  const moved = `${title} (verlegt)`;
  const monday = comingMonday();

  // The client lives in New York: her browser and her account say so.
  const client = await signedIn(browser, "de", "client", "Clara Kalender", { timezoneId: NEW_YORK });
  const zone = await client.request.post("/api/auth/update-user", {
    data: { timeZone: NEW_YORK },
    headers: { origin: new URL(client.url()).origin },
  });
  expect(zone.ok(), await zone.text()).toBe(true);
  const assistant = await signedInGerman(browser, "assistant", "Anna Kalender");
  const contractId = await contractViaApi(client, assistant, job);

  // The assistant opens the contract's calendar from the contracts list.
  await assistant.goto("/contracts");
  await assistant
    .getByRole("row")
    .filter({ hasText: job })
    .getByRole("link", { name: t("contracts.calendarLink") })
    .click();
  await expect(
    assistant.getByRole("heading", { level: 1, name: t("calendar.title", { job }) }),
  ).toBeVisible();
  await expect(
    assistant.getByText(
      t("calendar.zones", {
        mine: zoneLabel(BERLIN, "de"),
        name: "Clara Kalender",
        theirs: zoneLabel(NEW_YORK, "de"),
      }),
    ),
  ).toBeVisible();
  await expectAccessible(assistant, "contract calendar, week view (assistant)");

  // A weekly appointment, four times; a wrong end and a wrong link are named beside their fields.
  await assistant.getByRole("button", { name: t("calendar.newEvent") }).click();
  const dialog = assistant.getByRole("dialog", { name: t("calendar.form.newTitle") });
  await dialog.getByRole("textbox", { name: t("calendar.form.title") }).fill(title);
  await dialog.getByRole("textbox", { name: t("calendar.form.start"), exact: true }).fill(`${monday}T09:00`);
  await dialog.getByRole("textbox", { name: t("calendar.form.end"), exact: true }).fill(`${monday}T08:30`);
  await dialog.getByRole("textbox", { name: t("calendar.form.url") }).fill("ftp://praxis.example.com/plan");
  await dialog.getByRole("combobox", { name: t("calendar.form.repeat") }).click();
  await assistant.getByRole("option", { name: t("calendar.repeat.WEEKLY"), exact: true }).click();
  await dialog.getByRole("radio", { name: t("calendar.repeatEnds.count") }).check();
  await dialog.getByRole("textbox", { name: t("calendar.form.count") }).fill("4");
  await dialog.getByRole("button", { name: t("calendar.form.create") }).click();
  await expect(
    dialog.getByRole("textbox", { name: t("calendar.form.end"), exact: true }),
  ).toHaveAccessibleDescription(t("errors.field.end_before_start"));
  await expect(dialog.getByRole("textbox", { name: t("calendar.form.url") })).toHaveAccessibleDescription(
    new RegExp(escaped(t("errors.field.url_invalid"))),
  );
  await expectAccessible(assistant, "new appointment with field errors");
  await dialog.getByRole("textbox", { name: t("calendar.form.end"), exact: true }).fill(`${monday}T09:30`);
  await dialog.getByRole("textbox", { name: t("calendar.form.url") }).fill("https://meet.example.com/berger");
  // The client's clock for the start, below the times.
  const clientStart = newYorkClock(`${monday}T09:00`);
  await expect(
    dialog.getByText(new RegExp(`^Clara Kalender: .*${clientStart}, ${escaped(zoneLabel(NEW_YORK, "de"))}$`)),
  ).toBeVisible();
  await dialog.getByRole("button", { name: t("calendar.form.create") }).click();
  await expect(dialog).toBeHidden();
  await expect(assistant.getByText(t("calendar.created"))).toBeVisible();
  // The calendar moved to the appointment's week: Monday 09:00 on the assistant's (Berlin) clock.
  await expect(appointment(assistant, title, "09:00")).toBeVisible();

  // The client, in New York, finds it in the week view at her own time.
  await client.goto(`/contracts/${contractId}/calendar?date=${monday}`);
  await expect(client.getByRole("heading", { level: 1, name: t("calendar.title", { job }) })).toBeVisible();
  await expect(appointment(client, title, clientStart)).toBeVisible();
  await expectAccessible(client, "contract calendar in New York (client)");

  // She moves it an hour later, on the appointment's own (Berlin) clock, and renames it.
  await appointment(client, title, clientStart).click();
  const edit = client.getByRole("dialog", { name: t("calendar.form.editTitle") });
  await expect(edit.getByText(t("calendar.form.createdBy", { name: "Anna Kalender" }))).toBeVisible();
  await expect(edit.getByRole("combobox", { name: t("calendar.form.timeZone") })).toHaveValue(
    `${zoneLabel(BERLIN, "de")} – Anna Kalender`,
  );
  // A weekly appointment asks which occurrences the change is for: she means all of them.
  await expect(edit.getByRole("radio", { name: t("calendar.scope.this") })).toBeChecked();
  await edit.getByRole("radio", { name: t("calendar.scope.all") }).check();
  await expect(edit.getByRole("combobox", { name: t("calendar.form.repeat") })).toHaveValue(
    t("calendar.repeat.WEEKLY"),
  );
  await edit.getByRole("textbox", { name: t("calendar.form.title") }).fill(moved);
  await edit.getByRole("textbox", { name: t("calendar.form.start"), exact: true }).fill(`${monday}T10:00`);
  await edit.getByRole("textbox", { name: t("calendar.form.end"), exact: true }).fill(`${monday}T10:30`);
  await expect(
    edit.getByText(new RegExp(`^${t("calendar.you")}: .*${newYorkClock(`${monday}T10:00`)}`)),
  ).toBeVisible();
  await expectAccessible(client, "editing an appointment (client)");
  await edit.getByRole("button", { name: t("calendar.form.save") }).click();
  await expect(edit).toBeHidden();
  const clientMoved = newYorkClock(`${monday}T10:00`);
  await expect(appointment(client, moved, clientMoved)).toBeVisible();

  // The assistant's open calendar shows the change without a reload (the notice refreshes it).
  await expect(appointment(assistant, moved, "10:00")).toBeVisible();
  await expect(appointment(assistant, title, "09:00")).toBeHidden();

  // On a phone the calendar opens as a list of the week.
  await assistant.setViewportSize({ width: 390, height: 844 });
  await assistant.goto(`/contracts/${contractId}/calendar?date=${monday}`);
  await expect(assistant.getByRole("button", { name: t("calendar.views.list") })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const row = assistant.getByRole("row", { name: new RegExp(`^10:00 - 10:30\\W+${escaped(moved)}$`) });
  await expect(row.getByRole("button", { name: moved })).toBeVisible();
  await expectAccessible(assistant, "contract calendar as a list on a phone (assistant)");
});

/** The Monday a week after another, "YYYY-MM-DD"; and the Tuesday after a Monday. */
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

test("Vertragskalender: die Assistenz verlegt einen Termin einer wöchentlichen Serie, löscht einen anderen und verschiebt die letzten beiden; der Rest der Serie bleibt (deutsch)", async ({
  browser,
}) => {
  const stamp = Date.now();
  const job = `Büroorganisation ${stamp}`;
  const title = `Jour fixe ${stamp}`;
  const monday = comingMonday();
  const client = await signedInGerman(browser, "client", "Clara Serie");
  const assistant = await signedInGerman(browser, "assistant", "Anna Serie");
  const contractId = await contractViaApi(client, assistant, job);
  // Five Mondays at 09:00 in Berlin, entered by the client.
  const created = await client.request.post(`/api/v1/contracts/${contractId}/events`, {
    data: {
      title,
      start: `${monday}T09:00`,
      end: `${monday}T09:30`,
      timeZone: BERLIN,
      rrule: "FREQ=WEEKLY;COUNT=5",
    },
    headers: { origin: new URL(client.url()).origin },
  });
  expect(created.ok(), await created.text()).toBe(true);

  // The second Monday moves to Tuesday 11:00, that one alone (the dialog's first choice).
  const second = plusDays(monday, 7);
  await assistant.goto(`/contracts/${contractId}/calendar?date=${second}`);
  await appointment(assistant, title, "09:00").click();
  const edit = assistant.getByRole("dialog", { name: t("calendar.form.editTitle") });
  await expect(edit.getByRole("radio", { name: t("calendar.scope.this") })).toBeChecked();
  await expect(edit.getByRole("radio", { name: t("calendar.scope.following") })).toBeVisible();
  await expect(edit.getByRole("textbox", { name: t("calendar.form.start"), exact: true })).toHaveValue(
    `${second}T09:00`,
  );
  await expect(edit.getByRole("combobox", { name: t("calendar.form.repeat") })).toBeDisabled();
  await expectAccessible(assistant, "editing one occurrence of a series");
  const tuesday = plusDays(second, 1);
  await edit.getByRole("textbox", { name: t("calendar.form.start"), exact: true }).fill(`${tuesday}T11:00`);
  await edit.getByRole("textbox", { name: t("calendar.form.end"), exact: true }).fill(`${tuesday}T11:30`);
  await edit.getByRole("button", { name: t("calendar.form.save") }).click();
  await expect(edit).toBeHidden();
  await expect(appointment(assistant, title, "11:00")).toBeVisible();
  await expect(appointment(assistant, title, "09:00")).toBeHidden();

  // The third Monday is deleted, that one alone.
  await assistant.getByRole("button", { name: t("calendar.views.next") }).click();
  await appointment(assistant, title, "09:00").click();
  const third = assistant.getByRole("dialog", { name: t("calendar.form.editTitle") });
  await third.getByRole("radio", { name: t("calendar.scope.this") }).check();
  await third.getByRole("button", { name: t("calendar.form.delete") }).click();
  await third
    .getByRole("group", { name: t("calendar.form.confirmDeleteThis") })
    .getByRole("button", { name: t("calendar.form.confirmDeleteYes") })
    .click();
  await expect(third).toBeHidden();
  await expect(assistant.getByText(t("calendar.deleted"))).toBeVisible();
  await expect(appointment(assistant, title, "09:00")).toBeHidden();

  // From the fourth Monday on, the series moves to 10:00: this and the following ones.
  await assistant.getByRole("button", { name: t("calendar.views.next") }).click();
  await appointment(assistant, title, "09:00").click();
  const fourth = assistant.getByRole("dialog", { name: t("calendar.form.editTitle") });
  await fourth.getByRole("radio", { name: t("calendar.scope.following") }).check();
  await expect(fourth.getByRole("combobox", { name: t("calendar.form.repeat") })).toBeEnabled();
  const fourthMonday = plusDays(monday, 21);
  await fourth
    .getByRole("textbox", { name: t("calendar.form.start"), exact: true })
    .fill(`${fourthMonday}T10:00`);
  await fourth
    .getByRole("textbox", { name: t("calendar.form.end"), exact: true })
    .fill(`${fourthMonday}T10:30`);
  await fourth.getByRole("button", { name: t("calendar.form.save") }).click();
  await expect(fourth).toBeHidden();
  await expect(appointment(assistant, title, "10:00")).toBeVisible();
  await assistant.getByRole("button", { name: t("calendar.views.next") }).click();
  await expect(appointment(assistant, title, "10:00")).toBeVisible();

  // The first Monday stays as it was, as the client sees it too.
  await client.goto(`/contracts/${contractId}/calendar?date=${monday}`);
  await expect(appointment(client, title, "09:00")).toBeVisible();
  await client.getByRole("button", { name: t("calendar.views.next") }).click();
  await expect(appointment(client, title, "11:00")).toBeVisible();
  await expect(appointment(client, title, "09:00")).toBeHidden();
});
