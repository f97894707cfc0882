import { looksLikeAbbreviation } from '../text';
import { outcome, type RawFinding, type Rule } from '../context';

/**
 * `abbreviations` (Ухта p.12): an abbreviation that is not common (resources/review/abbreviations.json) is
 * explained in the answer — «ЦТП (центральный тепловой пункт)», «центральный тепловой пункт (ЦТП)»,
 * «ЦТП — центральный тепловой пункт» — or was used by the author. Words in capitals that are ordinary words
 * are shouting (the `emotional` rule), not abbreviations.
 */
export const abbreviations: Rule = (input) => {
  const { answer, lex } = input;
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  for (const t of input.tokens) {
    const word = t.text;
    if (!looksLikeAbbreviation(word) || word.length > 8 || seen.has(word)) continue;
    if (/[-\d]/.test(answer[t.start - 1] ?? '') && /\d/.test(answer[t.start - 2] ?? '')) continue;
    if (lex.abbreviations.has(word) || lex.abbreviations.has(word.toUpperCase())) continue;
    if (lex.dictionary.has(word.toLowerCase())) continue;
    if (input.c.message.text.includes(word)) continue;
    if (explained(answer, word)) continue;
    seen.add(word);
    findings.push({
      start: t.start,
      end: t.end,
      message: `Аббревиатура «${word}» не общепринятая и не расшифрована`,
      suggestion: `Расшифруйте: «${word} (…)» или напишите полностью`,
    });
  }
  return outcome(findings);
};

function explained(answer: string, word: string): boolean {
  const w = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (
    new RegExp(`\\(\\s*${w}\\s*\\)`, 'u').test(answer) ||
    new RegExp(`${w}\\s*\\(\\s*[а-яёА-ЯЁ][а-яё]`, 'u').test(answer) ||
    new RegExp(`${w}\\s*[—–-]\\s*(?:это\\s+)?[а-яё]{3,}`, 'u').test(answer)
  );
}
