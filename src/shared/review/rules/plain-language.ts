import { findAll } from '../text';
import { dropOverlapping, pass, type RawFinding, type Rule } from '../context';

/**
 * `plain-language` (Новороссийск p.10.5, p.17; Ставрополь p.20): no канцеляризмы and штампы. A strong one
 * («доводим до вашего сведения», «приняты необходимые меры») fails alone; mild ones («в настоящее время»,
 * «данный») fail when there are several different ones — at least two, and one per 80 words in a long answer.
 */
export const plainLanguage: Rule = (input) => {
  const strong: RawFinding[] = [];
  const mild: RawFinding[] = [];
  const mildKinds = new Set<string>();
  for (const { re, stamp } of input.lex.stamps) {
    for (const m of findAll(re, input.norm)) {
      const f: RawFinding = {
        start: m.start,
        end: m.end,
        message: `${stamp.kind === 'штамп' ? 'Штамп' : 'Канцелярит'}: «${input.answer.slice(m.start, m.end)}»`,
        suggestion: stamp.replacement,
      };
      if (stamp.severity === 'strong') strong.push(f);
      else {
        mild.push(f);
        mildKinds.add(stamp.phrase);
      }
    }
  }
  const threshold = Math.max(2, Math.ceil(input.tokens.length / 80));
  if (strong.length > 0 || mildKinds.size >= threshold) {
    return { status: 'fail', findings: dropOverlapping([...strong, ...mild]) };
  }
  if (mild.length > 0) {
    const first = mild[0]!;
    return pass(`Можно проще: «${input.answer.slice(first.start, first.end)}» → ${first.suggestion ?? ''}`);
  }
  return pass();
};
