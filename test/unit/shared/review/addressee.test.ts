import { describe, expect, it } from 'vitest';
import { checkKey } from './helpers';

const key = 'addressee';

describe('addressee (Новороссийск p.10.3)', () => {
  it.each([
    ['Анна, добрый день! Фонарь заменили.', 'Анна Петрова'],
    ['Добрый день, Анна! Фонарь заменили.', 'Анна Петрова'],
    ['Здравствуйте! Анна, фонарь заменили.', 'Анна Петрова'],
    ['Анна Ивановна, здравствуйте! Фонарь заменили.', 'Анна Петрова'],
    ['Уважаемая Анна Ивановна! Фонарь заменили.', 'Анна Петрова'],
    ['Алёна, добрый день! Фонарь заменили.', 'Алена Смирнова'],
    ['Артём, добрый день! Фонарь заменили.', 'Артем Смирнов'],
  ])('passes «%s» for %s', (answer, author) => {
    expect(checkKey(key, { answer, author }).status).toBe('pass');
  });

  it('fails an answer without an address by name, and suggests one', () => {
    const r = checkKey(key, { answer: 'Добрый день! Фонарь заменили 5 мая.' });
    expect(r.status).toBe('fail');
    expect(r.findings[0]?.message).toContain('Нет обращения');
    expect(r.findings[0]?.suggestion).toBe('Анна, добрый день!');
  });

  it('catches a misspelt name and names the right one', () => {
    const r = checkKey(key, { answer: 'Дмитирий, добрый день! Течь устранили.', author: 'Дмитрий Осипов' });
    expect(r.status).toBe('fail');
    expect(r.spans).toEqual(['Дмитирий']);
    expect(r.findings[0]?.message).toContain('Ошибка в имени');
    expect(r.findings[0]?.suggestion).toBe('Дмитрий');
  });

  it('catches another name and a familiar short form', () => {
    expect(
      checkKey(key, { answer: 'Марина, здравствуйте! Лавочку починили.', author: 'Ирина Соколова' })
        .findings[0]?.message,
    ).toContain('другое имя');
    expect(
      checkKey(key, { answer: 'Саша, добрый день! Двор расчистили.', author: 'Александра Быкова' }).status,
    ).toBe('fail');
  });

  it('catches «Уважаемый» before a woman’s name and a patronymic of the other gender', () => {
    expect(
      checkKey(key, { answer: 'Уважаемый Елена! Автобус ходит.', author: 'Елена Краснова' }).status,
    ).toBe('fail');
    expect(checkKey(key, { answer: 'Елена Иванович, добрый день!', author: 'Елена Краснова' }).status).toBe(
      'fail',
    );
  });

  it('leaves a nickname or an organisation to the reviewer, with a hint', () => {
    for (const author of ['ТСЖ «Надежда»', 'Kotik_88', 'жители дома 5']) {
      const r = checkKey(key, { answer: 'Добрый день! Песок привезут до 20 мая.', author });
      expect(r.status).toBe('manual');
      expect(r.hint).toContain('Имя автора не распознано');
    }
  });
});
