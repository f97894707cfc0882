import { normalize } from '../text';
import { phraseFindings, type Rule } from '../context';

/**
 * `substance` (Новороссийск p.10.1, Ставрополь p.20, Ухта p.12): whether the answer solves the problem or
 * explains exhaustively why not is for a person to judge. The machine only fails an answer that has nothing
 * but greetings, thanks and formal phrases («принято к сведению», «рассмотрим возможность»), and points at
 * those phrases in any answer.
 */
const CEREMONY =
  /^(?:\p{L}+\s*,\s*)?(?:добр\p{L}* (?:день|вечер|утро|времени суток)|здравствуйте|уважаем\p{L}*(?: \p{L}+){0,2}|с уважением.*|спасибо.*|благодарим.*|хорошего дня.*|всего доброго.*|(?:ваша )?администрация.*|ваш\p{L}* (?:администрация|мцу|команда).*)\s*[!.,]*$/u;

const HINT =
  'Проверьте по существу: ответ решает проблему автора или исчерпывающе объясняет, почему ее нельзя решить так, как он просит (есть другое решение, решения нет, решение против интересов большинства), и не противоречит сам себе';

export const substance: Rule = (input) => {
  const formal = phraseFindings(input, input.lex.formal);
  const content = input.sentences.filter((s) => {
    const text = normalize(input.answer.slice(s.start, s.end)).trim();
    if (text === '' || CEREMONY.test(text)) return false;
    return !formal.some(
      (f) => f.start >= s.start && f.end <= s.end && f.end - f.start > (s.end - s.start) * 0.5,
    );
  });
  if (content.length === 0) {
    return {
      status: 'fail',
      findings:
        formal.length > 0
          ? formal
          : [{ start: 0, end: input.answer.length, message: 'Ответ без содержания' }],
      hint: 'Ответ формальный: в нем нет ответа на вопрос автора',
    };
  }
  return { status: 'manual', findings: formal, hint: HINT };
};
