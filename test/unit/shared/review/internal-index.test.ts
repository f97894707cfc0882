import { describe, expect, it } from 'vitest';
import { checkKey } from './helpers';

const key = 'internal-index';
const hi = 'Анна, добрый день! ';

describe('internal-index (Новороссийск p.10.6)', () => {
  it.each([
    ['По сообщению IM-2024-118532 сообщаем: лампы заменили.', 'IM-2024-118532', 'IM-2024-118532'],
    ['Ваше обращение вх. № 01-27/4512 рассмотрено.', '1', 'вх. № 01-27/4512'],
    ['Ответ водоканала № 12-04/3318 прилагаем.', '1', '12-04/3318'],
    ['По вашему сообщению № 553201 дорогу расчистили.', '553201', 'вашему сообщению № 553201'],
    ['Обращение зарегистрировано под номером 2025-IM-00931.', '2025-IM-00931', '2025-IM-00931'],
  ])('fails «%s»', (text, id, span) => {
    const r = checkKey(key, { answer: hi + text, id });
    expect(r.status).toBe('fail');
    expect(r.spans).toContain(span);
    expect(r.findings[0]?.suggestion).toBe('Удалите внутренний номер');
  });

  it('passes house, school and route numbers and the number of a law', () => {
    const r = checkKey(key, {
      id: '5',
      answer: `${hi}У дома № 5 возле школы № 12 остановится автобус № 7, как требует закон от 06.10.2003 № 131-ФЗ.`,
    });
    expect(r.status).toBe('pass');
  });
});
