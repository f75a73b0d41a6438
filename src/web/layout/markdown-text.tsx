import { Anchor, Typography } from "@mantine/core";
import Markdown, { type Components } from "react-markdown";

// What a bio or a message may use: paragraphs, emphasis, lists, quotes, code, links and headings.
// Headings show as bold paragraphs, as a real h1 would compete with the page's own outline; images
// would load from anywhere, so they vanish. Raw HTML never renders: react-markdown builds React elements and parses
// no HTML without a raw-HTML plugin; skipHtml drops it instead of showing the tags as text.
const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;
const ALLOWED = [
  ...HEADINGS,
  ...["p", "br", "strong", "em", "del", "ul", "ol", "li", "blockquote", "code", "pre", "hr", "a"],
];

const BoldParagraph: Components["p"] = ({ children }) => (
  <p>
    <strong>{children}</strong>
  </p>
);

const components: Components = {
  ...Object.fromEntries(HEADINGS.map((tag) => [tag, BoldParagraph])),
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

/** User-written Markdown (a bio, a message) in the safe subset above. */
export function MarkdownText({ text }: { text: string }) {
  return (
    <Typography style={{ overflowWrap: "anywhere" }}>
      <Markdown allowedElements={ALLOWED} unwrapDisallowed skipHtml components={components}>
        {text}
      </Markdown>
    </Typography>
  );
}
