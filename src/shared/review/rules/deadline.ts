import { findAll, type Span } from '../text';
import { dedupe, pass, sentenceText, test, type RawFinding, type Rule, type RuleInput } from '../context';

/**
 * `deadline` (Новороссийск p.10.4, Ухта p.12): a deferred solution names a day, month or quarter. Vague terms
 * («в ближайшее время», a year or a season alone) fail unless the same sentence also gives an exact date; a
 * deferred solution («будет выполнен», «запланирован») fails when the answer gives no exact date at all; an
 * interim answer is deferred by definition.
 */

const L = '\\p{L}*';
const NUM_WORDS =
  '(?:\\d+|одн|дв|тр|четыр|пят|шест|сем|восьм|девят|десят|пятнадцат|двадцат|тридцат|сорок|нескольк)';
const EXACT_DATE = new RegExp(
  [
    // 15.05.2025, 15.05.25; «до 15.05»
    '(?<!\\d)\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2})(?!\\d)',
    '(?:до|к|по|с|на)\\s+\\d{1,2}\\.\\d{2}(?![\\d.])',
    // a month named: «в мае», «до 1 июня», «до конца сентября»
    `(?<!\\p{L})(?:январ|феврал|март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)${L}`,
    '(?<!\\p{L})ма[йяе](?!\\p{L})',
    // a quarter: «во II квартале», «в 3-м квартале», «до конца первого квартала»
    `(?<!\\p{L})(?:[1-4](?:-?(?:м|й|го|ом))?|i{1,3}|iv|перв${L}|втор${L}|трет${L}|четверт${L})\\s+квартал${L}`,
    // relative but exact: «в течение 3 рабочих дней», «через две недели», «до конца недели»
    `(?:в\\s+течение|через|за)\\s+${NUM_WORDS}${L}\\s+(?:рабоч${L}\\s+|календарн${L}\\s+)?(?:дн|день|дня|суток|сутки|недел|час|месяц)${L}`,
    `в\\s+течение\\s+(?:(?:этой|текущей|следующей)\\s+)?(?:недели|суток|дня|рабочего\\s+дня|месяца|часа)`,
    `(?:до|к)\\s+конц${L}\\s+(?:(?:этой|текущей|следующей|этого|текущего|\\d{4})\\s+)?(?:недели|месяца|года)`,
    `(?<!\\p{L})(?:сегодня|завтра|послезавтра)(?!\\p{L})`,
    `(?:на|в)\\s+(?:этой|текущей|следующей)\\s+неделе`,
    `(?<!\\p{L})(?:в|во|до|к)\\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?!\\p{L})`,
    `в\\s+(?:этом|текущем)\\s+месяце`,
  ].join('|'),
  'gu',
);

export function hasExactDate(text: string): boolean {
  return test(EXACT_DATE, text);
}

function firstContentSentence(input: RuleInput): Span {
  const s = input.sentences.find((x) => input.answer.slice(x.start, x.end).split(/\s+/).length > 4);
  return s ?? input.sentences[0] ?? { start: 0, end: input.answer.length };
}

export const deadline: Rule = (input) => {
  const { lex, norm } = input;
  const findings: RawFinding[] = [];
  for (const v of lex.vague) {
    for (const m of findAll(v.re, norm)) {
      if (hasExactDate(sentenceText(input, m.start).text)) continue;
      findings.push({
        start: m.start,
        end: m.end,
        message: v.message,
        suggestion: 'Назовите день, месяц или квартал',
      });
    }
  }
  const answerHasDate = hasExactDate(norm);
  if (!answerHasDate && findings.length === 0) {
    const deferred = findAll(lex.deferred, norm).find((m) => {
      const s = sentenceText(input, m.start);
      return !test(lex.notDeferred, s.text);
    });
    if (deferred) {
      const s = sentenceText(input, deferred.start).span;
      findings.push({
        start: s.start,
        end: s.end,
        message: 'Решение отложено, но срок не назван',
        suggestion: 'Укажите день, месяц или квартал',
      });
    } else if (input.c.kind === 'interim') {
      const s = firstContentSentence(input);
      findings.push({
        start: s.start,
        end: s.end,
        message: 'Промежуточный ответ не называет срок окончательного решения',
        suggestion: 'Укажите день, месяц или квартал',
      });
    }
  }
  if (findings.length > 0) return { status: 'fail', findings: dedupe(findings) };
  return pass(answerHasDate ? undefined : 'Отложенного решения не найдено');
};
