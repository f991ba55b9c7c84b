/** Search engines show about this many characters of a description; longer ones are cut. */
export const SEO_DESCRIPTION_MAX = 160;

/**
 * A description for search engines made from the sapo: without the source prefix ("LNV - "),
 * on one line, and cut at a word boundary to fit SEO_DESCRIPTION_MAX.
 */
export function seoDescriptionFromSapo(sapo: string, sourcePrefix: string): string {
  const prefix = sourcePrefix.trim();
  let text = sapo.trim();
  if (prefix && text.startsWith(prefix)) text = text.slice(prefix.length);
  text = text.replace(/\s+/g, ' ').trim();
  if (text.length <= SEO_DESCRIPTION_MAX) return text;
  const cut = text.slice(0, SEO_DESCRIPTION_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SEO_DESCRIPTION_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
