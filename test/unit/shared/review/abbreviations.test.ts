import { describe, expect, it } from 'vitest';
import { checkKey } from './helpers';

const key = 'abbreviations';
const hi = 'Анна, добрый день! ';

describe('abbreviations (Ухта p.12)', () => {
  it.each([
    ['Воды нет из-за ремонта на ЦТП.', 'ЦТП'],
    ['Водоканал заменит насос на КНС до 5 сентября.', 'КНС'],
    ['УК пересчитает плату за ОДН.', 'ОДН'],
  ])('fails «%s»', (text, span) => {
    const r = checkKey(key, { answer: hi + text });
    expect(r.status).toBe('fail');
    expect(r.spans).toEqual([span]);
    expect(r.findings[0]?.message).toBe(`Аббревиатура «${span}» не общепринятая и не расшифрована`);
  });

  it.each([
    'Воды нет из-за аварии на ЦТП (центральном тепловом пункте).',
    'Воды нет из-за аварии на центральном тепловом пункте (ЦТП).',
    'Воды нет из-за аварии на ЦТП — центральном тепловом пункте.',
    'Документы принимает МФЦ, а ГИБДД проверит знаки у МКД по закону № 131-ФЗ.',
  ])('passes «%s»', (text) => {
    expect(checkKey(key, { answer: hi + text }).status).toBe('pass');
  });

  it('passes an abbreviation the author used', () => {
    expect(checkKey(key, { answer: `${hi}ЦТП отремонтируют.`, text: 'Авария на ЦТП у дома 4' }).status).toBe(
      'pass',
    );
  });
});
