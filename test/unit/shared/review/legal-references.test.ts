import { describe, expect, it } from 'vitest';
import { checkKey } from './helpers';

const key = 'legal-references';
const hi = 'Анна, добрый день! ';

describe('legal-references (Новороссийск p.10.5, Ухта p.12)', () => {
  it('passes one or two references', () => {
    const r = checkKey(key, {
      answer: `${hi}Сжигать мусор запрещают Правила благоустройства города, а штраф за это назначают по ст. 8.1 КоАП.`,
    });
    expect(r.status).toBe('pass');
    expect(r.hint).toBe('Ссылок на правовые акты: 2');
  });

  it('fails a pile of three, counting an article and its act as one', () => {
    const r = checkKey(key, {
      answer: `${hi}Уборку регулируют Федеральный закон от 06.10.2003 № 131-ФЗ, постановление администрации от 15.01.2020 № 25 и СанПиН 2.1.3684-21.`,
    });
    expect(r.status).toBe('fail');
    expect(r.findings).toHaveLength(3);
    const merged = checkKey(key, {
      answer: `${hi}Так сказано в ст. 16 Федерального закона от 06.10.2003 № 131-ФЗ и в ГОСТ Р 50597-2017.`,
    });
    expect(merged.status).toBe('pass');
  });
});
