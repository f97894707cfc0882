import { B, E, findAll } from '../text';
import { dropOverlapping, outcome, phraseFindings, type RawFinding, type Rule } from '../context';

/**
 * `internal-index` (Новороссийск p.10.6): the answer shows no internal index of the message — its id in the
 * system, «вх. №», «исх. №», a registration number of the СЭД «Дело» shape (01-15/2345).
 */
const REGISTRATION = /(?<![\p{L}\p{N}/-])\p{N}{2,}-\p{N}{1,}\/\p{N}{2,}(?:-\p{L}+)?(?![\p{N}/])/gu;
const LEGAL_CONTEXT = /(?:закон|постановлени|распоряжени|приказ|решени|указ)\p{L}*[^.!?]{0,80}$/u;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const internalIndex: Rule = (input) => {
  const findings: RawFinding[] = phraseFindings(input, input.lex.internalIndex, 'Удалите внутренний номер');
  const id = input.c.message.id.trim();
  if (id.length >= 4 || (/^\d+$/.test(id) && id.length >= 3)) {
    const re = new RegExp(`${B}${escape(id.toLowerCase())}${E}`, 'gu');
    for (const m of findAll(re, input.answer.toLowerCase())) {
      findings.push({
        start: m.start,
        end: m.end,
        message: 'Номер сообщения во внутренней системе',
        suggestion: 'Удалите внутренний номер',
      });
    }
  }
  for (const m of findAll(REGISTRATION, input.answer)) {
    if (LEGAL_CONTEXT.test(input.norm.slice(Math.max(0, m.start - 100), m.start))) continue;
    findings.push({
      start: m.start,
      end: m.end,
      message: 'Регистрационный номер документа',
      suggestion: 'Удалите внутренний номер',
    });
  }
  return outcome(dropOverlapping(findings));
};
