import { outcome, phraseFindings, type Rule } from '../context';

/**
 * `redirect` (Новороссийск p.10.7): the answer does not send the author to another department or
 * organisation, does not hide behind someone else's competence, and is not a notice of forwarding.
 */
export const redirect: Rule = (input) =>
  outcome(
    phraseFindings(
      input,
      input.lex.redirect,
      'Ответьте по существу: исполнитель сам получает ответ у ответственного подразделения',
    ),
  );
