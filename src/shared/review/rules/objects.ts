import { B, findAll, normalize } from '../text';
import { test, type RawFinding, type Rule, type RuleInput } from '../context';

/**
 * `objects` (Новороссийск p.10.2, Ставрополь p.20): the answer mentions every object of the message. The
 * machine finds two kinds of objects in the message — addresses (streets and house numbers) and things from
 * the topic groups of resources/review/objects.json (a street lamp, a pothole, a bin) — and fails the answer
 * that leaves one out. Everything else the message is about is for the reviewer, so an answer that mentions
 * all the objects found is `manual`, never a silent pass.
 */

const STREET_WORD =
  '(?:ул\\.?|улиц\\p{L}*|пр-т|пр-кт|просп\\.?|проспект\\p{L}*|пер\\.?|переул\\p{L}*|бульвар\\p{L}*|б-р|шоссе|наб\\.?|набережн\\p{L}*|пл\\.|площад\\p{L}*|мкр\\.?|мкрн\\.?|микрорайон\\p{L}*|проезд\\p{L}*|пос\\.|поселк\\p{L}*|поселок)';
const NAME = '((?:\\d{1,2}-?(?:я|й|го|ой|ая)?\\s+)?[А-ЯЁ][\\p{L}-]+(?:\\s+[А-ЯЁ][\\p{L}-]+)?)';
const STREET = new RegExp(`(?<!\\p{L})${STREET_WORD}\\s*(?:им\\.\\s*)?${NAME}`, 'gu');
/** «на Ленина, 5», «Ленина 12а»: a capitalised word right before a house number. */
const STREET_HOUSE =
  /(?<!\p{L})(?:на|по|у|возле|около|напротив|с|от|до)\s+([А-ЯЁ][\p{L}-]+),?\s+(\d{1,3}[а-яё]?(?:\/\d+)?)(?![\d\p{L}])/gu;
const NUMBER = '\\d{1,3}[а-яё]?(?:\\/\\d+)?(?![\\d\\p{L}])';
/** «дом 5», «д. 5/1», «домов 4 и 6», «дома № 3, 5». */
const HOUSE = new RegExp(
  `(?<!\\p{L})(?:д\\.|дом(?:а|у|ом|е)?|домов|домах|домам)\\s*(?:№\\s*)?(${NUMBER}(?:\\s*(?:,|и)\\s*(?:№\\s*)?${NUMBER})*)`,
  'gu',
);
/** «на Луговой и на Полевой»: a street named by an adjective alone, after a preposition. */
const STREET_BARE =
  /(?<=(?:^|[\s(])(?:на|по|с|со|у|до|от|вдоль)\s+)([А-ЯЁ][а-яё]{3,}(?:ой|ей|ая|ую))(?!\p{L})/gu;

/** «Ленина» → «ленин»: the start of a street name that survives its case endings. */
function stem(name: string): string {
  const n = normalize(name.trim());
  if (n.length <= 4) return n;
  return n.slice(0, Math.max(4, n.length - 2));
}

function mentionsNumber(norm: string, n: string): boolean {
  const esc = n.replace(/[/]/g, '\\/');
  return new RegExp(`(?<![\\d/])${esc}(?![\\d/])`, 'u').test(norm);
}

export function messageObjects(input: RuleInput): {
  streets: Map<string, string>;
  houses: Set<string>;
  groups: Array<{ label: string; word: string; res: RegExp[] }>;
} {
  const text = input.c.message.text;
  const streets = new Map<string, string>();
  for (const m of text.matchAll(STREET)) {
    const name = m[1]!;
    streets.set(stem(name.split(/\s+/).find((w) => /^[А-ЯЁ]/.test(w)) ?? name), name);
  }
  const houses = new Set<string>();
  for (const m of text.matchAll(STREET_HOUSE)) {
    streets.set(stem(m[1]!), m[1]!);
    houses.add(normalize(m[2]!));
  }
  for (const m of text.matchAll(HOUSE)) {
    for (const n of m[1]!.split(/\s*(?:,|и)\s*/u)) houses.add(normalize(n.replace(/№\s*/u, '')));
  }
  for (const m of text.matchAll(STREET_BARE)) {
    if (!streets.has(stem(m[1]!))) streets.set(stem(m[1]!), m[1]!);
  }
  const groups: Array<{ label: string; word: string; res: RegExp[] }> = [];
  for (const g of input.lex.objects) {
    for (const re of g.res) {
      const hit = findAll(re, input.messageNorm)[0];
      if (hit) {
        groups.push({ label: g.label, word: hit.text, res: [...g.res, ...g.also] });
        break;
      }
    }
  }
  return { streets, houses, groups };
}

export const objects: Rule = (input) => {
  const { norm } = input;
  const found = messageObjects(input);
  const findings: RawFinding[] = [];
  const where = {
    start: 0,
    end: Math.min(input.answer.length, input.sentences[0]?.end ?? input.answer.length),
  };
  for (const [s, name] of found.streets) {
    if (!new RegExp(`${B}${s}`, 'u').test(norm)) {
      findings.push({ ...where, message: `В ответе не упомянут адрес из сообщения: «${name}»` });
    }
  }
  for (const h of found.houses) {
    if (!mentionsNumber(norm, h)) {
      findings.push({ ...where, message: `В ответе не упомянут дом № ${h} из сообщения` });
    }
  }
  for (const g of found.groups) {
    if (!g.res.some((re) => test(re, norm))) {
      findings.push({ ...where, message: `В ответе ничего не сказано про «${g.word}» (${g.label})` });
    }
  }
  if (findings.length > 0) return { status: 'fail', findings };
  const listed = [...found.streets.values(), ...found.groups.map((g) => g.word)];
  return {
    status: 'manual',
    findings: [],
    hint:
      listed.length > 0
        ? `Упомянуты объекты, найденные в сообщении (${listed.join(', ')}). Проверьте, нет ли других`
        : 'Объекты сообщения не распознаны автоматически: проверьте, что ответ упоминает каждый',
  };
};
