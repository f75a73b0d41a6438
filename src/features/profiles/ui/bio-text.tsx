import { Anchor, Typography } from "@mantine/core";
import Markdown, { type Components } from "react-markdown";

// What a bio may use: paragraphs, emphasis, lists, quotes, code and links. Headings would compete
// with the page's own h1/h2 outline, so they are unwrapped to their text; images would load from
// anywhere, so they vanish. Raw HTML never renders: react-markdown builds React elements and parses
// no HTML without a raw-HTML plugin; skipHtml drops it instead of showing the tags as text.
const ALLOWED = ["p", "br", "strong", "em", "del", "ul", "ol", "li", "blockquote", "code", "pre", "hr", "a"];

const components: Components = {
  // The library's default URL filter has emptied javascript: and other unsafe targets: those stay text.
  a: ({ href, children }) =>
    href ? (
      <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow ugc">
        {children}
      </Anchor>
    ) : (
      children
    ),
};

/** An assistant's Markdown bio as visitors see it; the editor's preview uses the same component. */
export function BioText({ bio }: { bio: string }) {
  return (
    <Typography style={{ overflowWrap: "anywhere" }}>
      <Markdown allowedElements={ALLOWED} unwrapDisallowed skipHtml components={components}>
        {bio}
      </Markdown>
    </Typography>
  );
}
