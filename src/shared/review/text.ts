/**
 * Text helpers for the answer review. Every transformation keeps the length of the text, so that an offset
 * found in the normalised text is the same offset in the answer the user sees.
 */

/** «ё» → «е», «Ё» → «Е»: Russian texts use both spellings; the dictionary and the lists store «е». */
export function foldYo(s: string): string {
  return s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

/** Lower case with «ё» folded, character by character (same length as the input). */
export function normalize(s: string): string {
  return s.replace(/[A-ZА-ЯЁё]/g, (c) => (c === 'Ё' || c === 'ё' ? 'е' : c.toLowerCase()));
}

/** Regex source: no letter or digit just before / after (JS `\b` knows only ASCII). */
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';

export type Span = { start: number; end: number };
export type Token = Span & { text: string };

const WORD = /[\p{L}]+(?:[-‑'’][\p{L}]+)*/gu;

/** Words (letters, with inner hyphens and apostrophes), with their offsets. */
export function words(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export function isCyrillic(word: string): boolean {
  return /^[а-яёА-ЯЁ-]+$/.test(word);
}

export function isCapitalized(word: string): boolean {
  return /^[А-ЯЁA-Z]/.test(word);
}

/** Two or more capitals: ЖКХ, КоАП, МинЖКХ. */
export function looksLikeAbbreviation(word: string): boolean {
  return /^[А-ЯЁ][А-ЯЁа-яё]*$/.test(word) && (word.match(/[А-ЯЁ]/g)?.length ?? 0) >= 2;
}

/**
 * Abbreviations after which a dot never ends a sentence (ул. Ленина, д. 5, вх. №, г. Ухта), and those that
 * may end one when a capital follows (т. д., руб., тыс.).
 */
export const INNER_DOTTED = new Set(
  (
    'ул д г пр просп пер пл ш наб мкр мкрн р-н пос п с ст ч кв корп стр обл им тел вх исх рег зам нач гр ' +
    'пр-т пр-д б-р туп эт оф сп ед св'
  ).split(' '),
);
export const END_DOTTED = new Set('т д п е к др руб коп тыс млн млрд м км см мм гг кг шт ч мин'.split(' '));

/** Sentences: spans ending at . ! ? … or a line break; abbreviations, initials and 12.05 do not end one. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trail = slice.length - slice.trimEnd().length;
    if (end - trail > start + lead) out.push({ start: start + lead, end: end - trail });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    let j = i;
    while (j + 1 < text.length && /[.!?…»")]/.test(text[j + 1]!)) j++;
    const nextChar = /^\s*(\S)/.exec(text.slice(j + 1, j + 40))?.[1];
    if (nextChar !== undefined && /[a-zа-яё0-9,;:]/.test(nextChar)) continue;
    if (c === '.' && j === i) {
      const before = /([\p{L}-]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1];
      if (before) {
        const low = before.toLowerCase();
        const yearG = low === 'г' && /\d\s*г$/.test(text.slice(Math.max(0, i - 4), i));
        if (/^[А-ЯЁ]$/.test(before)) continue;
        if (INNER_DOTTED.has(low) && !yearG) continue;
        if (nextChar !== undefined && !END_DOTTED.has(low) && !yearG && low.length <= 1) continue;
      }
    }
    push(j + 1);
    i = j;
  }
  push(text.length);
  return out;
}

/** The sentence that contains `offset`, or null. */
export function sentenceAt(spans: readonly Span[], offset: number): Span | null {
  for (const s of spans) if (offset >= s.start && offset < s.end) return s;
  return null;
}

/** Levenshtein distance with transpositions (optimal string alignment), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = d;
    }
  }
  return Math.min(rows[a.length]![b.length]!, max + 1);
}

/**
 * Compiles a phrase of the review lists into a global, Unicode, case-sensitive regex over `normalize`d
 * text. A phrase is regex source with two conveniences: `*` after letters means «any ending» (`осуществл*`),
 * and a space matches any run of whitespace. Word boundaries are added at both ends.
 */
export function compilePhrase(phrase: string): RegExp {
  const body = phrase
    .trim()
    .replace(/(?<=[\p{L})\]])\*/gu, '\\p{L}*')
    .replace(/ +/g, '\\s+');
  return new RegExp(`${B}(?:${body})${E}`, 'gu');
}

/** All matches of a global regex, as spans with the matched text. */
export function findAll(re: RegExp, text: string): Token[] {
  re.lastIndex = 0;
  const out: Token[] = [];
  for (const m of text.matchAll(re)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}
