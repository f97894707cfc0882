import { findAll, normalize } from '../text';
import { isGivenName } from '../lexicon';
import {
  dropOverlapping,
  outcome,
  type RawFinding,
  type Rule,
  type RuleInput,
  sentenceText,
} from '../context';

/**
 * `personal-data` (Ухта p.12): no personal data of third parties — a person's full name or initials (unless
 * named as an official in their post), a phone that is not an organisation's line, a private e-mail, a flat
 * number, a car number, a date of birth or a passport. The author's own name and flat (from the message) are
 * not third parties.
 */

const PHONE =
  /(?<![\p{N}\p{L}])(?:(?:\+7|8)[\s(-]*\d{3,5}[\s)-]*\d{1,3}[\s-]*\d{2}[\s-]*\d{2}|\d{2,3}-\d{2}-\d{2})(?![\p{N}])/gu;
const FREE_PHONE = /^(?:8|\+7)[\s(-]*800/;
const ORG_LINE =
  /(?:диспетчер|горяч\p{L}* лини|еддс|приемн|дежурн|единый номер|единой|справочн|колл-центр|call|администраци|управлени|отдел|служб|мфц|управляющ|компани|телефон доверия|учреждени|мбу|муп|мку|водоканал|горгаз|энерго|ресурсоснабжающ|поликлиник|больниц|школ|регистратур|аварийн)/u;

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;
const PRIVATE_MAIL =
  /@(?:gmail\.com|mail\.ru|yandex\.ru|ya\.ru|bk\.ru|list\.ru|inbox\.ru|rambler\.ru|icloud\.com|outlook\.com|hotmail\.com|yahoo\.com|internet\.ru)$/i;

const CAP = '[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?';
const PATRONYMIC = '[А-ЯЁ][а-яё]+(?:вич|вна|ична|инична|ич)(?:а|у|ем|е|ы|ой|ом)?';
const FULL_NAME = new RegExp(
  `(?<!\\p{L})(?:${CAP}\\s+${CAP}\\s+${PATRONYMIC}|${CAP}\\s+${PATRONYMIC}\\s+${CAP})(?!\\p{L})`,
  'gu',
);
const INITIALS = new RegExp(
  `(?<!\\p{L})(?:[А-ЯЁ]\\.\\s?[А-ЯЁ]\\.\\s?${CAP}|${CAP}\\s[А-ЯЁ]\\.\\s?[А-ЯЁ]\\.)(?!\\p{L})`,
  'gu',
);
/** «Иван Петров», «жительница Анна Сидорова»: a known given name followed by a surname-like word. */
const NAME_SURNAME = new RegExp(
  `(?<!\\p{L})(${CAP})\\s+([А-ЯЁ][а-яё]*(?:ов|ев|ин|ын|ск|цк|енк|ук|юк|ян|дзе|швили|их|ых)[а-яё]{0,3})(?!\\p{L})`,
  'gu',
);
const PATRONYMIC_WORD = new RegExp(`^${PATRONYMIC}$`, 'u');

function authorFirst(input: RuleInput): string {
  return normalize(input.c.message.author.trim().split(/\s+/)[0] ?? '');
}

const OFFICIAL =
  /(?:начальник|директор|глав\p{L}*|заместител|руководител|специалист|мастер|инспектор|инженер|председател|депутат|мэр|губернатор|министр|прокурор|участков|старш|заведующ|уполномоченн|секретар|управляющ|врач|сотрудник\p{L}* администрации|пресс-секретар|куратор|ответственн)\p{L}*[^.!?]{0,40}$/u;

const FLAT = /(?<!\p{L})(?:кв\.?|квартир\p{L}*)\s*(?:№\s*)?(\d+)(?!\d)/gu;
const RESIDENCE =
  /(?<!\p{L})(?:проживающ\p{L}*|зарегистрированн\p{L}*|прописанн\p{L}*) (?:по адресу|в квартире|в доме)/gu;
const CAR_PLATE = /(?<!\p{L})[авекмнорстух]\s?\d{3}\s?[авекмнорстух]{2}\s?\d{2,3}(?!\p{L}|\d)/gu;
const BIRTH =
  /(?:\d{2}\.\d{2}\.\d{4}\s*г\.?\s*р\.?|\d{4} года рождения|дата рождения|паспорт\p{L}*\s+(?:серии\s+)?\d{2}\s?\d{2}|снилс\s*\d)/gu;

function isAuthor(input: RuleInput, text: string): boolean {
  const author = new Set(normalize(input.c.message.author).split(/[^\p{L}]+/u));
  return normalize(text)
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 1)
    .every((w) => author.has(w));
}

function isOfficial(input: RuleInput, start: number): boolean {
  const before = input.norm.slice(Math.max(0, start - 60), start);
  return OFFICIAL.test(before);
}

export const personalData: Rule = (input) => {
  const { answer } = input;
  const findings: RawFinding[] = [];
  const add = (start: number, end: number, message: string, suggestion: string) =>
    findings.push({ start, end, message, suggestion });

  for (const m of findAll(PHONE, answer)) {
    if (FREE_PHONE.test(m.text)) continue;
    const s = sentenceText(input, m.start).text;
    const before = input.norm.slice(Math.max(0, m.start - 80), m.start);
    if (ORG_LINE.test(before) || (ORG_LINE.test(s) && !input.c.message.text.includes(m.text))) continue;
    add(m.start, m.end, 'Телефон частного лица', 'Удалите номер или дайте телефон организации');
  }
  for (const m of findAll(EMAIL, answer)) {
    if (PRIVATE_MAIL.test(m.text)) add(m.start, m.end, 'Личная электронная почта', 'Удалите адрес почты');
  }
  for (const re of [FULL_NAME, INITIALS]) {
    for (const m of findAll(re, answer)) {
      if (isAuthor(input, m.text) || isOfficial(input, m.start)) continue;
      add(
        m.start,
        m.end,
        'Имя третьего лица',
        'Удалите имя: достаточно «житель», «собственник», «сотрудник»',
      );
    }
  }
  for (const m of answer.matchAll(NAME_SURNAME)) {
    const given = normalize(m[1]!);
    if (!isGivenName(input.lex, given)) continue;
    if (PATRONYMIC_WORD.test(m[2]!) || given === authorFirst(input)) continue;
    if (isAuthor(input, m[0]) || isOfficial(input, m.index)) continue;
    add(m.index, m.index + m[0].length, 'Имя третьего лица', 'Удалите имя');
  }
  for (const m of answer.matchAll(FLAT)) {
    const messageFlats = [...input.c.message.text.matchAll(FLAT)].map((x) => x[1]);
    if (messageFlats.includes(m[1])) continue;
    add(m.index, m.index + m[0].length, 'Номер квартиры третьего лица', 'Удалите номер квартиры');
  }
  for (const re of [RESIDENCE, CAR_PLATE, BIRTH]) {
    for (const m of findAll(re, input.norm)) {
      add(m.start, m.end, 'Персональные данные третьего лица', 'Удалите персональные данные');
    }
  }
  return outcome(dropOverlapping(findings));
};
