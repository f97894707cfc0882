import { describe, expect, it } from 'vitest';
import { checkKey } from './helpers';

const key = 'emotional';
const hi = 'Анна, добрый день! ';

describe('emotional (Ухта p.12)', () => {
  it.each([
    ['Ваши претензии необоснованны: улицу чистят каждый день.', 'Ваши претензии необоснованны'],
    ['Вы вводите жителей в заблуждение: работы идут по графику.', 'Вы вводите жителей в заблуждение'],
    ['Не стоит нагнетать обстановку: штрафы уже выписали.', 'Не стоит нагнетать'],
    ['Странно читать, что администрация ничего не делает.', 'Странно читать'],
    ['Мусор вывозят ТРИ раза в неделю.', 'ТРИ'],
    ['Машина приезжала вчера!!', '!!'],
  ])('fails «%s»', (text, span) => {
    const r = checkKey(key, { answer: hi + text });
    expect(r.status).toBe('fail');
    expect(r.spans).toContain(span);
  });

  it('passes sympathy, thanks and capital abbreviations', () => {
    const r = checkKey(key, {
      answer: `${hi}Нам очень жаль, что так вышло. Спасибо за ваше неравнодушие! МФЦ и ГИБДД уже получили сведения.`,
    });
    expect(r.status).toBe('pass');
  });
});
