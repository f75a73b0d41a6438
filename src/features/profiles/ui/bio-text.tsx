import { MarkdownText } from "../../../web/layout/markdown-text.tsx";

/** An assistant's Markdown bio as visitors see it; the editor's preview uses the same component. */
export function BioText({ bio }: { bio: string }) {
  return <MarkdownText text={bio} />;
}
