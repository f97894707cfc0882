import type { Lexicon } from './lexicon';
import { findAll, normalize, sentenceAt, sentences, words, type Span, type Token } from './text';
import type { CriterionStatus, ReviewCase } from './types';

/** Everything a rule reads, computed once per case. */
export type RuleInput = {
  readonly c: ReviewCase;
  /** The answer as written. */
  readonly answer: string;
  /** `normalize(answer)`: same offsets, lower case, «е» for «ё». */
  readonly norm: string;
  readonly sentences: readonly Span[];
  readonly tokens: readonly Token[];
  /** `normalize(message.text)`. */
  readonly messageNorm: string;
  /** Normalised words of the message and of the author's name. */
  readonly messageWords: ReadonlySet<string>;
  readonly lex: Lexicon;
};

/** A finding before the reviewer adds the key and the clause. */
export type RawFinding = { start: number; end: number; message: string; suggestion?: string };

export type RuleOutcome = { status: CriterionStatus; findings: RawFinding[]; hint?: string };

export type Rule = (input: RuleInput) => RuleOutcome;

export function makeInput(c: ReviewCase, lex: Lexicon): RuleInput {
  const messageNorm = normalize(c.message.text);
  const messageWords = new Set<string>();
  for (const t of words(`${c.message.text} ${c.message.author}`)) messageWords.add(normalize(t.text));
  return {
    c,
    answer: c.answer,
    norm: normalize(c.answer),
    sentences: sentences(c.answer),
    tokens: words(c.answer),
    messageNorm,
    messageWords,
    lex,
  };
}

export const pass = (hint?: string): RuleOutcome =>
  hint ? { status: 'pass', findings: [], hint } : { status: 'pass', findings: [] };

export function outcome(findings: RawFinding[], otherwise: RuleOutcome = pass()): RuleOutcome {
  return findings.length > 0 ? { status: 'fail', findings } : otherwise;
}

/** Matches of the phrase rules in the normalised answer, as findings with their rule's message. */
export function phraseFindings(
  input: RuleInput,
  rules: ReadonlyArray<{ re: RegExp; message: string }>,
  suggestion?: string,
): RawFinding[] {
  const out: RawFinding[] = [];
  for (const r of rules) {
    for (const m of findAll(r.re, input.norm)) {
      out.push({ start: m.start, end: m.end, message: r.message, ...(suggestion ? { suggestion } : {}) });
    }
  }
  return dedupe(out);
}

/** Sorts findings and drops the ones inside an earlier one. */
export function dedupe(findings: RawFinding[]): RawFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawFinding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && f.start >= last.start && f.end <= last.end) continue;
    out.push(f);
  }
  return out;
}

/** Sorts findings and keeps the first of any that overlap (one highlight per stretch of text). */
export function dropOverlapping(findings: RawFinding[]): RawFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawFinding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}

/** The text of the sentence around an offset (normalised), or the whole answer. */
export function sentenceText(input: RuleInput, offset: number): { span: Span; text: string } {
  const span = sentenceAt(input.sentences, offset) ?? { start: 0, end: input.answer.length };
  return { span, text: input.norm.slice(span.start, span.end) };
}

export function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const ok = re.test(text);
  re.lastIndex = 0;
  return ok;
}
