import { findAll } from '../text';
import { pass, type RawFinding, type Rule } from '../context';

/**
 * `legal-references` (Новороссийск p.10.5, Ухта p.12): no pile of references to legal acts. References are
 * found by their shapes (a law or decree with its date and number, «131-ФЗ», an article or clause, a code,
 * СанПиН/ГОСТ/СП, the local rules of благоустройство); adjacent pieces («ст. 16 Федерального закона
 * № 131-ФЗ») count as one. Three or more fail; whether one or two are explained is left to the checklist.
 */
const LIMIT = 3;

export const legalReferences: Rule = (input) => {
  const spans = findAll(input.lex.legalActs, input.norm).sort((a, b) => a.start - b.start);
  const refs: RawFinding[] = [];
  for (const s of spans) {
    const last = refs[refs.length - 1];
    if (last && s.start - last.end <= 3 && /^\s*$/.test(input.answer.slice(last.end, s.start))) {
      last.end = Math.max(last.end, s.end);
      continue;
    }
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      continue;
    }
    refs.push({ start: s.start, end: s.end, message: 'Ссылка на правовой акт' });
  }
  if (refs.length >= LIMIT) {
    return {
      status: 'fail',
      findings: refs.map((r) => ({
        ...r,
        message: `Ссылка на правовой акт (${refs.length} в ответе)`,
        suggestion: 'Объясните своими словами, что из акта следует для автора; оставьте одну ссылку',
      })),
    };
  }
  return pass(refs.length > 0 ? `Ссылок на правовые акты: ${refs.length}` : undefined);
};
