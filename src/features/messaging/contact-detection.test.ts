import { describe, expect, it } from "vitest";
import { contactKinds, findContacts } from "./contact-detection.ts";

const kindsOf = (text: string) => contactKinds(text);

describe("e-mail addresses", () => {
  it.each([
    ["Schreib mir an anna.schmidt@gmail.com", "anna.schmidt@gmail.com"],
    ["Mail: buero-meier+va@kanzlei-meier.de.", "buero-meier+va@kanzlei-meier.de"],
    ["Contact me at John.Doe@Example.CO.UK please", "John.Doe@Example.CO.UK"],
    ["anna at gmail dot com", "anna at gmail dot com"],
    ["anna(at)web.de", "anna(at)web.de"],
    ["anna (at) web (dot) de", "anna (at) web (dot) de"],
    ["anna [at] web [dot] de", "anna [at] web [dot] de"],
    ["anna{at}posteo.de", "anna{at}posteo.de"],
    ["anna ät gmx punkt de", "anna ät gmx punkt de"],
    ["email me at anna.schmidt at gmail.com", "anna.schmidt at gmail.com"],
    ["anna @ gmail . com", "anna @ gmail . com"],
  ])("finds %j", (text, match) => {
    expect(findContacts(text)).toContainEqual({ kind: "email", text: match });
    expect(kindsOf(text)).toEqual(["email"]);
  });

  it.each([
    "I am good at Excel and great at Word.",
    "Ich bin ab Montag at home office verfügbar.",
    "Wir treffen uns at 10 am.",
    "Die Datei heißt bericht.pdf",
    "Preis pro Aufgabe: 25 € (at cost)",
  ])("leaves %j alone", (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe("phone numbers", () => {
  it.each([
    ["Ruf mich an: +49 170 1234567", "+49 170 1234567"],
    ["Mobil +491701234567", "+491701234567"],
    ["Tel. +49 (0) 30 1234567", "+49 (0) 30 1234567"],
    ["0049 30 12345678", "0049 30 12345678"],
    ["0170/1234567", "0170/1234567"],
    ["0170-123 45 67", "0170-123 45 67"],
    ["0151 12345678", "0151 12345678"],
    ["030 12345678", "030 12345678"],
    ["(030) 123 456 78", "(030) 123 456 78"],
    ["PLZ 10115 Berlin, Tel. 030-1234567", "030-1234567"],
    ["Call +1 (555) 123-4567", "+1 (555) 123-4567"],
    ["call me on 555-123-4567", "555-123-4567"],
    ["my number is (555) 123 4567", "(555) 123 4567"],
    ["+44 20 7946 0958", "+44 20 7946 0958"],
    ["0 1 7 0 1 2 3 4 5 6 7", "0 1 7 0 1 2 3 4 5 6 7"],
  ])("finds %j", (text, match) => {
    expect(findContacts(text)).toContainEqual({ kind: "phone", text: match });
    expect(kindsOf(text)).toEqual(["phone"]);
  });

  it("finds numbers spelled out in German and English", () => {
    expect(kindsOf("null eins sieben null eins zwei drei vier fünf sechs")).toEqual(["phone"]);
    expect(kindsOf("zero one seven, zero one two three four five")).toEqual(["phone"]);
  });

  it.each([
    // Dates and times
    "Ich kann am 01.03.2025 starten",
    "Start am 1.3.25, Ende 30.06.2025",
    "Termin 2025-03-01 um 10:30",
    "We meet at 10 am on 03/04/2025",
    "Arbeitszeit 09:00-17:00, Mo–Fr",
    // Prices, amounts and rates
    "Mein Satz ist 35,00 € pro Stunde",
    "Budget 3.000 EUR, Rate 3500",
    "€ 1.234.567 insgesamt",
    "USD 1,500.00 per month",
    "20 % Rabatt bei 1.234,56 €",
    "Mein Angebot: 0,50 EUR pro Datensatz",
    "Stundensatz 045 EUR",
    // Plain counts, years and references
    "Ich habe 12 Jahre Erfahrung, 20 Stunden pro Woche.",
    "Jahre 2019 2020 2021 2022",
    "Rechnung Nr. 2024-0012",
    "IBAN DE89 3704 0044 0532 0130 00",
    "Steuernummer 12/345/67890",
    "Zählen: eins, zwei, drei",
  ])("leaves %j alone", (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe("messenger handles and links", () => {
  it.each([
    "Telegram: @anna_va",
    "Schreib mir auf Telegram @anna_va",
    "@anna_va",
    "mein Skype ist anna.schmidt",
    "Skype: live:anna_123",
    "skype:anna.schmidt?chat",
    "my skype name is anna_schmidt",
    "Signal: anna.42",
    "https://wa.me/491701234567",
    "wa.me/491701234567",
    "https://api.whatsapp.com/send?phone=491701234567",
    "https://chat.whatsapp.com/AbCdEf123",
    "t.me/annava",
    "https://telegram.me/annava",
    "https://signal.me/#p/+491701234567",
    "https://join.skype.com/invite/abc123",
    "Discord: anna#1234",
  ])("finds %j", (text) => {
    expect(kindsOf(text)).toContain("messenger");
  });

  it("names both the messenger and the number when a number follows the name", () => {
    expect(kindsOf("WhatsApp: 0170 1234567")).toEqual(["phone", "messenger"]);
    expect(kindsOf("Meine WhatsApp-Nummer ist +49 170 1234567")).toEqual(["phone", "messenger"]);
  });

  it.each([
    "Signal ist ein sicherer Messenger, aber wir bleiben hier.",
    "That is a good signal for the project.",
    "Ich nutze kein WhatsApp.",
    "Wir sprechen per Skype im Vorstellungsgespräch hier auf Assista.",
    "Schicken Sie mir die Datei @ Montag",
  ])("leaves %j alone", (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe("several kinds at once", () => {
  it("lists each kind once, in a fixed order", () => {
    const text = "Mail anna@web.de, Tel 0170 1234567, Telegram @anna_va, nochmal anna@web.de";
    expect(kindsOf(text)).toEqual(["email", "phone", "messenger"]);
    // An address's digits and @ are not read again as a phone number or a handle.
    expect(kindsOf("anna.0170123456@web.de")).toEqual(["email"]);
  });

  it("finds nothing in ordinary messages of a bid", () => {
    for (const text of [
      "Guten Tag Frau Müller, vielen Dank für Ihr Angebot! Wann hätten Sie Zeit für ein Gespräch?",
      "Hello! I can start on 4 January 2027 and work 20 hours a week at 35 EUR/h.",
      "Ich habe **8 Jahre** Erfahrung mit DATEV und _Lexware_. Siehe [Portfolio](https://assista.app/a/anna).",
      "<img src=x onerror=alert(1)> ist nur Text",
    ]) {
      expect(kindsOf(text)).toEqual([]);
    }
  });
});
