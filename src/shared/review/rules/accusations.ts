import { findAll } from '../text';
import { type Rule } from '../context';
import { isDocument } from './evidence';

/**
 * `accusations` (Ухта p.12): no unfounded accusations of third parties — termination of a contract, claims,
 * disciplinary or other liability, blame. A pattern fails the answer unless a document is attached (then a
 * person checks that it supports the claim). Whether an answer that names a third party accuses it in other
 * words is left to the reviewer; an answer that names no third party passes.
 */
export const accusations: Rule = (input) => {
  const found = input.lex.accusations.flatMap((r) =>
    findAll(r.re, input.norm).map((m) => ({ start: m.start, end: m.end, message: r.message })),
  );
  if (found.length > 0) {
    const documented = input.c.attachments.some(isDocument);
    return documented
      ? {
          status: 'manual',
          findings: found,
          hint: 'Обвинение третьего лица: проверьте, что приложенный документ его подтверждает',
        }
      : {
          status: 'fail',
          findings: found.map((f) => ({
            ...f,
            suggestion: 'Приложите подтверждающий документ или уберите обвинение',
          })),
        };
  }
  const third = findAll(input.lex.thirdParties, input.norm)[0];
  if (third) {
    return {
      status: 'manual',
      findings: [],
      hint: `Ответ упоминает третье лицо («${input.answer.slice(third.start, third.end)}»): проверьте, что в его адрес нет обвинений без документов`,
    };
  }
  return { status: 'pass', findings: [] };
};
