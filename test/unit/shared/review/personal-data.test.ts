import { describe, expect, it } from 'vitest';
import { checkKey } from './helpers';

const key = 'personal-data';
const hi = 'Анна, добрый день! ';

describe('personal-data (Ухта p.12)', () => {
  it.each([
    ['Звоните инспектору на мобильный +7 918 456-12-34.', '+7 918 456-12-34'],
    ['Протечка идет из квартиры Семенова Игоря Петровича.', 'Семенова Игоря Петровича'],
    ['Владелец машины, В.С. Громов, уберет ее.', 'В.С. Громов'],
    ['С жительницей Марией Кругловой побеседовал участковый.', 'Марией Кругловой'],
    ['Собак держит жительница кв. 27.', 'кв. 27'],
    ['Пишите мастеру на kovalev.petr78@mail.ru.', 'kovalev.petr78@mail.ru'],
    ['Машину с номером а123вс 123 эвакуируют.', 'а123вс 123'],
  ])('fails «%s»', (text, span) => {
    const r = checkKey(key, { answer: hi + text });
    expect(r.status).toBe('fail');
    expect(r.spans).toContain(span);
  });

  it('passes officials in their posts, organisation lines, free numbers and the author’s own data', () => {
    const r = checkKey(key, {
      author: 'Анна Петрова',
      text: 'У меня в кв. 15 течет крыша, дом 3',
      answer:
        'Анна Петрова, добрый день! Крышу над кв. 15 залатают до 5 мая. Начальник управления ЖКХ И. И. Сидоров взял работы под личный контроль. Вопросы можно задать диспетчерской службе по телефону 8 (8617) 64-11-22 или по номеру 8-800-100-00-00, а также по почте gkh@admnvrsk.ru.',
    });
    expect(r.status).toBe('pass');
  });
});
