import { findAll, looksLikeAbbreviation } from '../text';
import { outcome, phraseFindings, type RawFinding, type Rule } from '../context';

/**
 * `emotional` (Ухта p.12): no emotional assessment of the message or its author — judging words
 * («надуманные претензии», «вы вводите в заблуждение»), lecturing, and shouting: «!!», «?!» or words in capitals.
 */
const SHOUT_MARKS = /[!?]{2,}/gu;
const CAPS_WORD = /(?<!\p{L})[А-ЯЁ]{3,}(?!\p{L})/gu;

export const emotional: Rule = (input) => {
  const findings: RawFinding[] = phraseFindings(input, input.lex.emotional, 'Уберите оценку, оставьте факты');
  for (const m of findAll(SHOUT_MARKS, input.answer)) {
    findings.push({
      start: m.start,
      end: m.end,
      message: 'Эмоциональная пунктуация',
      suggestion: '«.» или «!»',
    });
  }
  for (const m of findAll(CAPS_WORD, input.answer)) {
    if (input.lex.abbreviations.has(m.text) || !looksLikeAbbreviation(m.text)) continue;
    const lower = m.text.toLowerCase();
    if (!input.lex.dictionary.has(lower)) continue;
    findings.push({
      start: m.start,
      end: m.end,
      message: 'Слово написано заглавными буквами (крик)',
      suggestion: lower,
    });
  }
  return outcome(findings);
};
