/**
 * The language of a portfolio whose source does not say (Mahara's Leap2A export has no
 * `xml:lang`): guessed from its words, by counting each language's most common short words.
 * Only a clear majority counts: with too few words, or two languages close, nothing is guessed
 * and the caller keeps its default, rather than label English pages French.
 */

const COMMON: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'was', 'on', 'my', 'this', 'at', 'we', 'are', 'from', 'have', 'what'],
  fr: ['le', 'la', 'les', 'de', 'des', 'et', 'est', 'une', 'un', 'du', 'que', 'pour', 'dans', 'avec', 'sur', 'au', 'nous', 'mon', 'ma', 'ce', 'qui', 'pas', 'aux'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'zu', 'mit', 'den', 'von', 'ich', 'auf', 'für', 'wir', 'auch', 'dem', 'sich'],
  es: ['el', 'los', 'las', 'y', 'es', 'en', 'una', 'por', 'con', 'para', 'del', 'que', 'se', 'mi', 'como', 'pero', 'su', 'al'],
  nl: ['het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'op', 'met', 'voor', 'zijn', 'ik', 'wij', 'ook', 'aan', 'maar'],
  pt: ['o', 'os', 'as', 'e', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'que', 'por', 'meu', 'minha', 'dos', 'das'],
};

/** The language most of the texts are written in (a BCP 47 primary tag), or undefined when unclear. */
export function guessLanguage(texts: string[], minWords = 12): string | undefined {
  const words = texts.join(' ').replace(/<[^>]*>/g, ' ').toLowerCase().split(/[^\p{L}']+/u).filter(Boolean);
  const scores = Object.entries(COMMON).map(([lang, list]) => {
    const set = new Set(list);
    return [lang, words.filter((w) => set.has(w)).length] as const;
  });
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (!best || best[1] < minWords || best[1] < 2 * (second?.[1] ?? 0)) return undefined;
  return best[0];
}
