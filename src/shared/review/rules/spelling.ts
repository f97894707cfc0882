import type { Dawg } from '../dawg';
import {
  END_DOTTED,
  INNER_DOTTED,
  editDistance,
  findAll,
  foldYo,
  isCyrillic,
  looksLikeAbbreviation,
  normalize,
  type Span,
  type Token,
} from '../text';
import { outcome, type RawFinding, type Rule, type RuleInput } from '../context';
import { authorName } from './addressee';

/**
 * `spelling` (Новороссийск p.10.6): spelling against the Hunspell ru_RU morphology (every word form), and the
 * punctuation a machine can check without parsing: the comma around a direct address, commas before «но», «а»,
 * «что», «чтобы», «который», «если», spaces around punctuation, a sentence starting with a small letter.
 *
 * Not flagged: words of the message and of the author's name (streets, names, the author's own spelling),
 * capitalised words inside a sentence (proper names), words in quotes (names of organisations), abbreviations,
 * numbers and Latin words.
 */

const PARTICLES = new Set(['то', 'либо', 'нибудь', 'таки', 'ка', 'кое', 'кой', 'де']);
/** First parts of hyphenated words that are not words alone: «кое-где», «во-первых», «из-за», «пол-литра». */
const HYPHEN_PREFIXES = new Set([
  'кое',
  'во',
  'из',
  'по',
  'пол',
  'экс',
  'вице',
  'обер',
  'лейб',
  'штаб',
  'унтер',
]);

function known(dict: Dawg, word: string): boolean {
  const w = foldYo(word);
  if (dict.has(w) || dict.has(w.toLowerCase())) return true;
  const lower = w.toLowerCase();
  return dict.has(lower.charAt(0).toUpperCase() + lower.slice(1));
}

function knownPart(dict: Dawg, part: string, index: number): boolean {
  const low = normalize(part);
  if (PARTICLES.has(low) || (index === 0 && HYPHEN_PREFIXES.has(low))) return true;
  if (known(dict, part)) return true;
  // The first half of a compound adjective: «жилищно-коммунальный», «санитарно-эпидемиологический».
  if (index === 0 && /[ое]$/.test(low)) {
    const stem = low.slice(0, -1);
    return ['ый', 'ий', 'ой'].some((end) => dict.has(stem + end));
  }
  return false;
}

export function isKnownWord(dict: Dawg, word: string): boolean {
  if (known(dict, word)) return true;
  const parts = word.split(/[-‑]/);
  return parts.length > 1 && parts.every((p, i) => p.length > 0 && knownPart(dict, p, i));
}

const LETTERS = 'оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъ';

/** The first dictionary word one edit away (a wrong, missing, extra or swapped letter). */
export function suggest(dict: Dawg, word: string): string | undefined {
  const w = foldYo(word).toLowerCase();
  if (w.length > 24) return undefined;
  const capital = /^[А-ЯЁ]/.test(word);
  const out = (s: string) => (capital ? s.charAt(0).toUpperCase() + s.slice(1) : s);
  for (let i = 0; i + 1 < w.length; i++) {
    const s = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    if (dict.has(s)) return out(s);
  }
  for (let i = 0; i < w.length; i++) {
    for (const c of LETTERS) {
      if (c === w[i]) continue;
      const s = w.slice(0, i) + c + w.slice(i + 1);
      if (dict.has(s)) return out(s);
    }
  }
  for (let i = 0; i < w.length; i++) {
    const s = w.slice(0, i) + w.slice(i + 1);
    if (s.length > 1 && dict.has(s)) return out(s);
  }
  for (let i = 0; i <= w.length; i++) {
    for (const c of LETTERS) {
      const s = w.slice(0, i) + c + w.slice(i);
      if (dict.has(s)) return out(s);
    }
  }
  return undefined;
}

function quoted(text: string): Span[] {
  return findAll(/«[^»]{0,200}»|"[^"]{0,200}"|“[^”]{0,200}”/gu, text);
}

function inGreeting(input: RuleInput, t: Token): boolean {
  const first = input.sentences[0];
  return first !== undefined && t.end <= first.end;
}

const AFTER_SENTENCE_END = /(?:^|[.!?…:]\s*["«]?|\n\s*[-–—•*]?\s*)$/u;

function startsSentence(input: RuleInput, starts: ReadonlySet<number>, t: Token): boolean {
  return (
    starts.has(t.start) || AFTER_SENTENCE_END.test(input.answer.slice(Math.max(0, t.start - 4), t.start))
  );
}

function spellingFindings(input: RuleInput): RawFinding[] {
  const { lex, answer } = input;
  const quotes = quoted(answer);
  const author = authorName(input);
  const starts = new Set(input.sentences.map((x) => x.start));
  const out: RawFinding[] = [];
  for (const t of input.tokens) {
    const w = t.text;
    // Two letters are nearly always a cut word (пн, ср, ул) rather than a typo.
    if (!isCyrillic(w) || looksLikeAbbreviation(w) || w.length <= 2) continue;
    if (input.messageWords.has(normalize(w))) continue;
    if (/^[А-ЯЁ]/.test(w) && !startsSentence(input, starts, t)) continue;
    if (quotes.some((q) => t.start > q.start && t.end < q.end)) continue;
    // «вх.», «мкр.», «пр-т.»: a short word cut with a dot is an abbreviation.
    if (w.length <= 4 && answer[t.end] === '.') continue;
    // The name in the greeting belongs to `addressee`, which says whether it is the author's.
    if (inGreeting(input, t) && author && editDistance(normalize(w), author.first, 2) <= 2) continue;
    if (isKnownWord(lex.dictionary, w)) continue;
    const s = suggest(lex.dictionary, w);
    // A capitalised word at the start of a sentence with no word one letter away is a proper name
    // («Горгаз», «Водоканал»); a misspelt common word nearly always has a neighbour.
    if (s === undefined && /^[А-ЯЁ]/.test(w)) continue;
    out.push({
      start: t.start,
      end: t.end,
      message: `Возможная орфографическая ошибка: «${w}»`,
      ...(s ? { suggestion: s } : {}),
    });
  }
  return out;
}

const NO_COMMA_BEFORE_CHTO = new Set(
  (
    'потому так то не ни и или а но да лишь только ли чем того для хотя именно даже ровно просто уже прежде перед ' +
    'тогда если будто словно как кроме вместо в на о об с со к ко по за из от до при про без через под над между ' +
    'ничего что чтобы кто это вот несмотря иначе затем после пока раз'
  ).split(' '),
);
const NO_COMMA_BEFORE_ESLI = new Set(
  'и а но или что то даже только лишь именно как особенно кроме'.split(' '),
);

function punctuationFindings(input: RuleInput): RawFinding[] {
  const { answer, norm } = input;
  const out: RawFinding[] = [];
  const add = (start: number, end: number, message: string, suggestion?: string) =>
    out.push({ start, end, message, ...(suggestion ? { suggestion } : {}) });

  // The direct address is set off by commas: «Анна, добрый день!», «Добрый день, Анна!».
  const author = authorName(input);
  if (author) {
    const first = input.sentences[0];
    const greeting = first ? norm.slice(first.start, first.end) : '';
    const name = `${author.first}(?:\\s+[а-я]+(?:вич|вна|ична|ич))?`;
    const greet = '(?:добр\\p{L}+\\s+(?:день|вечер|утро|времени\\s+суток)|здравствуйте)';
    const missing = [
      /* «Анна добрый день» */ new RegExp(`^${name}(\\s+)(?=${greet})`, 'u').exec(greeting),
      /* «Добрый день Анна» */ new RegExp(`^${greet}(\\s+)(?=${name}(?!\\p{L}))`, 'u').exec(greeting),
    ];
    for (const m of missing) {
      if (!m || !first) continue;
      const end = first.start + m.index + m[0].length;
      add(end - m[1]!.length, end, 'Обращение выделяется запятой', ',');
    }
  }
  for (const m of findAll(/(?<=[\p{L}\d»)])\s+[,;:!?]|(?<=[\p{L}»)])\s+\.(?!\.)/gu, answer)) {
    add(m.start, m.end, 'Лишний пробел перед знаком препинания');
  }
  for (const m of findAll(/[,;](?=[А-ЯЁа-яё])|(?<=[а-яё]{2})[.!?](?=[А-ЯЁ][а-яё])/gu, answer)) {
    add(m.start, m.end + 1, 'Нет пробела после знака препинания');
  }
  for (const m of findAll(/,{2,}|;{2,}|(?<!\.)\.\.(?!\.)/gu, answer))
    add(m.start, m.end, 'Двойной знак препинания');
  for (const m of answer.matchAll(/(?<![\p{L}-])([\p{L}-]+)\.\s+([а-яё])/gu)) {
    const before = m[1]!.toLowerCase();
    if (INNER_DOTTED.has(before) || END_DOTTED.has(before) || before.length <= 2) continue;
    const at = m.index + m[0].length - 1;
    add(at, at + 1, 'Предложение начинается со строчной буквы', m[2]!.toUpperCase());
  }
  for (const m of norm.matchAll(/(?<=\p{L})( +)(но|а|однако)(?= )/gu)) {
    add(m.index, m.index + m[0].length, `Нет запятой перед «${m[2]}»`, `, ${m[2]}`);
  }
  for (const m of norm.matchAll(/(?<!\p{L})(\p{L}+)( +)(что|чтобы|котор\p{L}+)(?!\p{L})/gu)) {
    if (NO_COMMA_BEFORE_CHTO.has(m[1]!)) continue;
    const at = m.index + m[1]!.length;
    add(at, at + m[2]!.length + m[3]!.length, `Нет запятой перед «${m[3]}»`, `, ${m[3]}`);
  }
  for (const m of norm.matchAll(/(?<!\p{L})(\p{L}+)( +)(если|поскольку|так как)(?!\p{L})/gu)) {
    if (NO_COMMA_BEFORE_ESLI.has(m[1]!)) continue;
    const at = m.index + m[1]!.length;
    add(at, at + m[2]!.length + m[3]!.length, `Нет запятой перед «${m[3]}»`, `, ${m[3]}`);
  }
  return out;
}

export const spelling: Rule = (input) => {
  const all = [...spellingFindings(input), ...punctuationFindings(input)].sort((a, b) => a.start - b.start);
  return outcome(all);
};
