import { readDawg, type Dawg } from './dawg';
import { ReviewDataSchema, type ReviewResources, type Stamp } from './resources';
import { B, E, compilePhrase, foldYo } from './text';

export type PhraseMatcher = { re: RegExp; message: string };

/** The review resources compiled once: the dictionary wrapped, every phrase list turned into regexes. */
export type Lexicon = {
  dictionary: Dawg;
  stamps: Array<{ re: RegExp; stamp: Stamp }>;
  vague: PhraseMatcher[];
  deferred: RegExp;
  notDeferred: RegExp;
  redirect: PhraseMatcher[];
  emotional: PhraseMatcher[];
  accusations: PhraseMatcher[];
  thirdParties: RegExp;
  internalIndex: PhraseMatcher[];
  measures: RegExp;
  refutation: RegExp;
  futureMarkers: RegExp;
  formal: PhraseMatcher[];
  legalActs: RegExp;
  /** Common abbreviations, as written (ЖКХ, КоАП). */
  abbreviations: ReadonlySet<string>;
  /** Given names, normalised (lower case, «е» for «ё»). */
  femaleNames: ReadonlySet<string>;
  maleNames: ReadonlySet<string>;
  objects: Array<{ label: string; res: RegExp[]; also: RegExp[] }>;
};

function anyOf(phrases: readonly string[]): RegExp {
  return compilePhrase(phrases.map((p) => `(?:${p})`).join('|'));
}

function rules(list: ReadonlyArray<{ phrase: string; message: string }>): PhraseMatcher[] {
  return list.map((r) => ({ re: compilePhrase(r.phrase), message: r.message }));
}

/** A stem of objects.json: words in a row; a word ending in `$` is whole, any other one is a word start. */
function compileStem(stem: string): RegExp {
  const parts = stem
    .trim()
    .split(/\s+/)
    .map((w) => (w.endsWith('$') ? `(?:${w.slice(0, -1)})${E}` : `${w}\\p{L}*`));
  return new RegExp(`${B}${parts.join('\\s+')}`, 'gu');
}

const names = (list: readonly string[]) => new Set(list.map((n) => foldYo(n).toLowerCase()));

/** Validates the data (zod) and compiles it; throws on malformed resources, naming the field. */
export function compileLexicon(resources: ReviewResources): Lexicon {
  const data = ReviewDataSchema.parse(resources.data);
  const p = data.patterns;
  return {
    dictionary: readDawg(resources.dictionary),
    stamps: data.stamps.map((stamp) => ({ re: compilePhrase(stamp.phrase), stamp })),
    vague: rules(p.deadline.vague),
    deferred: anyOf(p.deadline.deferred),
    notDeferred: anyOf(p.deadline.notDeferred),
    redirect: rules(p.redirect),
    emotional: rules(p.emotional),
    accusations: rules(p.accusations),
    thirdParties: anyOf(p.thirdParties),
    internalIndex: rules(p.internalIndex),
    measures: anyOf(p.measures),
    refutation: anyOf(p.refutation),
    futureMarkers: compilePhrase(p.futureMarkers),
    formal: rules(p.formal),
    legalActs: anyOf(p.legalActs),
    abbreviations: new Set(data.abbreviations),
    femaleNames: names(data.names.female),
    maleNames: names(data.names.male),
    objects: data.objects.map((g) => ({
      label: g.label,
      res: g.stems.map(compileStem),
      also: (g.also ?? []).map(compileStem),
    })),
  };
}

const CASE_ENDINGS = ['ой', 'ей', 'ою', 'ею', 'ом', 'ем', 'ы', 'и', 'е', 'у', 'ю', 'а', 'я'];
const NOMINATIVE_ENDINGS = ['', 'а', 'я', 'й', 'ь', 'ия'];

/** Whether a word is a given name in any case: «Марией» → мария, «Игоря» → игорь. */
export function isGivenName(lex: Lexicon, word: string): boolean {
  const n = foldYo(word).toLowerCase();
  const has = (x: string) => lex.femaleNames.has(x) || lex.maleNames.has(x);
  if (has(n)) return true;
  for (const end of CASE_ENDINGS) {
    if (!n.endsWith(end) || n.length - end.length < 2) continue;
    const stem = n.slice(0, n.length - end.length);
    if (NOMINATIVE_ENDINGS.some((e) => has(stem + e))) return true;
  }
  return false;
}
