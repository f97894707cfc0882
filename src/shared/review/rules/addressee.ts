import {
  editDistance,
  foldYo,
  isCyrillic,
  looksLikeAbbreviation,
  normalize,
  words,
  type Token,
} from '../text';
import type { RawFinding, Rule, RuleInput } from '../context';

/**
 * `addressee` (Новороссийск p.10.3): the answer addresses the author by name (Имя or Имя Отчество) when it is
 * known, without errors. The author's display name gives the name; the address is looked for in the
 * greeting (the first sentence, or the second after a bare «Здравствуйте!»). A patronymic after the name is
 * fine (the network does not show it), so is the truncated vocative («Тань» for Таня); another name, a
 * misspelt one or none at all fails.
 */

const GREETING_WORDS = new Set(
  'добрый доброе доброго добрая здравствуйте здравствуй уважаемый уважаемая уважаемые приветствуем привет день вечер утро времени суток дорогой дорогая'.split(
    ' ',
  ),
);
const PATRONYMIC = /^[а-я]+(?:вич|вна|ична|инична|ич)$/;
const SURNAME =
  /(?:ов|ев|ин|ын|ова|ева|ина|ына|ский|ская|цкий|цкая|енко|ук|юк|ян|дзе|швили|их|ых|ко|ай|ец|ич)$/;

export type AuthorName = { first: string; rest: string[] } | null;

/** The author's given name (normalised), when the display name looks like «Имя Фамилия». */
export function authorName(input: RuleInput): AuthorName {
  const tokens = words(input.c.message.author);
  const first = tokens[0]?.text;
  if (!first || !isCyrillic(first) || looksLikeAbbreviation(first) || !/^[А-ЯЁ][а-яё]+$/.test(first)) {
    return null;
  }
  const n = normalize(first);
  const rest = tokens.slice(1).map((t) => normalize(t.text));
  const known = input.lex.femaleNames.has(n) || input.lex.maleNames.has(n);
  const second = tokens[1]?.text;
  const surnameLike = second !== undefined && /^[А-ЯЁ]/.test(second) && SURNAME.test(normalize(second));
  return known || surnameLike ? { first: n, rest } : null;
}

/** The tokens of the greeting: the first sentence, and the second when the first is only a greeting. */
function greetingTokens(input: RuleInput): Token[] {
  const [s1, s2] = input.sentences;
  if (!s1) return [];
  const inFirst = input.tokens.filter((t) => t.start >= s1.start && t.end <= s1.end);
  const onlyGreeting = inFirst.every((t) => GREETING_WORDS.has(normalize(t.text)));
  if (onlyGreeting && s2) {
    return input.tokens.filter((t) => t.start >= s2.start && t.end <= s2.end).slice(0, 4);
  }
  return inFirst.slice(0, 8);
}

function isName(input: RuleInput, n: string): boolean {
  return input.lex.femaleNames.has(n) || input.lex.maleNames.has(n);
}

/** The given name and the forms of it that are right in an address. */
function acceptable(author: NonNullable<AuthorName>, n: string): boolean {
  if (n === author.first) return true;
  if (
    /[ая]$/.test(author.first) &&
    (n === author.first.slice(0, -1) || n === `${author.first.slice(0, -1)}ь`)
  ) {
    return author.first.length <= 5;
  }
  return author.rest.includes(n);
}

export const addressee: Rule = (input) => {
  const author = authorName(input);
  if (!author) {
    return {
      status: 'manual',
      findings: [],
      hint: `Имя автора не распознано («${input.c.message.author}»): проверьте обращение вручную`,
    };
  }
  const display = input.c.message.author.trim().split(/\s+/)[0] ?? '';
  const tokens = greetingTokens(input);
  const candidates = tokens.filter((t) => {
    const n = normalize(t.text);
    if (!/^[А-ЯЁ]/.test(t.text) || GREETING_WORDS.has(n) || looksLikeAbbreviation(t.text)) return false;
    return isName(input, n) || acceptable(author, n) || editDistance(n, author.first, 2) <= 2;
  });
  const findings: RawFinding[] = [];
  const address = candidates[0];
  if (!address) {
    const s = input.sentences[0] ?? { start: 0, end: Math.min(input.answer.length, 1) };
    return {
      status: 'fail',
      findings: [
        {
          start: s.start,
          end: s.end,
          message: `Нет обращения к автору по имени (${display})`,
          suggestion: `${display}, добрый день!`,
        },
      ],
    };
  }
  const n = normalize(address.text);
  if (!acceptable(author, n)) {
    const distance = editDistance(n, author.first, 2);
    // «Наталия» for Наталья is a misspelling; «Марина» for Ирина is another person's name.
    const close = isName(input, n) ? distance <= 1 : distance <= 2;
    findings.push({
      start: address.start,
      end: address.end,
      message: close
        ? `Ошибка в имени автора: «${address.text}» вместо «${display}»`
        : `В обращении другое имя: «${address.text}», автор — ${display}`,
      suggestion: foldYo(display) === display ? display : foldYo(display),
    });
  }
  const before = tokens.filter((t) => t.end <= address.start).map((t) => normalize(t.text));
  const female = input.lex.femaleNames.has(author.first) && !input.lex.maleNames.has(author.first);
  const male = input.lex.maleNames.has(author.first) && !input.lex.femaleNames.has(author.first);
  if ((female && before.includes('уважаемый')) || (male && before.includes('уважаемая'))) {
    findings.push({
      start: tokens.find((t) => /^уважаем/.test(normalize(t.text)))!.start,
      end: address.start,
      message: 'Обращение не согласовано с именем по роду',
      suggestion: female ? 'Уважаемая' : 'Уважаемый',
    });
  }
  const after = tokens.filter((t) => t.start > address.end);
  const patronymic = after[0] && PATRONYMIC.test(normalize(after[0].text)) ? after[0] : undefined;
  if (patronymic && female !== /на$/.test(normalize(patronymic.text)) && (female || male)) {
    findings.push({
      start: patronymic.start,
      end: patronymic.end,
      message: 'Отчество не согласовано с именем по роду',
    });
  }
  return findings.length > 0 ? { status: 'fail', findings } : { status: 'pass', findings: [] };
};
