import { Text } from "@mantine/core";

/**
 * An assistant's bio as visitors see it. The bio is written in Markdown, but no Markdown renderer is
 * installed yet, so it shows as plain text with its line breaks. React escapes it, so no markup an
 * assistant types can ever reach the page as HTML. The editor's preview uses this same component.
 */
export function BioText({ bio }: { bio: string }) {
  return <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{bio}</Text>;
}
