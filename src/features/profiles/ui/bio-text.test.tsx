import { MantineProvider } from "@mantine/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BioText } from "./bio-text.tsx";

const render = (bio: string) =>
  renderToStaticMarkup(
    <MantineProvider>
      <BioText bio={bio} />
    </MantineProvider>,
  );

describe("BioText", () => {
  it("renders Markdown emphasis, lists and links", () => {
    const html = render("Ich bin **erfahren**.\n\n- DATEV\n- Lexoffice\n\n[Website](https://example.org)");
    expect(html).toContain("<strong>erfahren</strong>");
    expect(html).toMatch(/<li>DATEV<\/li>/);
    expect(html).toMatch(/<a[^>]+href="https:\/\/example.org"[^>]+rel="noopener noreferrer nofollow ugc"/);
  });

  it("never renders raw HTML", () => {
    const html = render('Hallo <script>alert(1)</script><img src=x onerror="alert(2)"> <b>fett</b>');
    expect(html).not.toMatch(/<script|<img|onerror|<b>/);
    expect(html).toContain("Hallo");
  });

  it("keeps unsafe links as text and loads no images", () => {
    const html = render("[klick](javascript:alert(1)) ![bild](https://tracker.example/p.gif)");
    expect(html).not.toContain("javascript:");
    expect(html).not.toMatch(/<a |<img|tracker/);
    expect(html).toContain("klick");
  });

  it("keeps headings out of the page outline, as bold paragraphs", () => {
    const html = render("# Über mich\n\nText");
    expect(html).not.toMatch(/<h\d/);
    expect(html).toContain("<p><strong>Über mich</strong></p>");
  });
});
