/**
 * A finding's "what we saw" for the Summary and the PDF: a resolver the check was pointed at by
 * address ("Resolver 127.0.0.1:5353", from the CLI's --resolver) is named in words; the address
 * stays in the JSON's evidence. (Fixes need no rewriting: a finding whose fix gives terminal
 * commands carries the same advice in words as `ownerFix`.)
 */
export function ownerDetail(text: string): string {
  return text
    .replace(/Public resolvers \(Resolver [^)]*\)/g, 'Public resolvers')
    .replace(/Resolver \[?[0-9a-fA-F.:]+\]?(?::\d+)?/g, 'the resolver you chose');
}
