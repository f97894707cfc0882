import { describe, expect, it } from 'vitest';
import { checkKey } from './helpers';

const key = 'objects';

describe('objects (Новороссийск p.10.2)', () => {
  it('fails an answer that leaves out a house, a street or a thing from the message', () => {
    const houses = checkKey(key, {
      text: 'Не горят фонари у домов 4 и 6 по Молодежной.',
      answer: 'Анна, добрый день! Фонарь у дома № 4 на ул. Молодежной заменили.',
    });
    expect(houses.status).toBe('fail');
    expect(houses.findings.map((f) => f.message)).toEqual(['В ответе не упомянут дом № 6 из сообщения']);

    const streets = checkKey(key, {
      text: 'Ямы на Луговой и на Полевой, проехать невозможно.',
      answer: 'Анна, добрый день! Ямы на ул. Луговой заделали.',
    });
    expect(streets.findings.map((f) => f.message)).toEqual([
      'В ответе не упомянут адрес из сообщения: «Полевой»',
    ]);

    const things = checkKey(key, {
      text: 'На остановке сломана скамейка и нет урны.',
      answer: 'Анна, добрый день! Скамейку на остановке починили.',
    });
    expect(things.findings.map((f) => f.message)).toEqual(['В ответе ничего не сказано про «урны» (мусор)']);
  });

  it('leaves a complete answer to the reviewer, listing what it found', () => {
    const r = checkKey(key, {
      text: 'Не горит фонарь у дома 12 на ул. Ленина, машины паркуются на газоне.',
      answer:
        'Анна, добрый день! Светильник у дома № 12 на ул. Ленина заменили. Газон огородят, чтобы автомобили не заезжали.',
    });
    expect(r.status).toBe('manual');
    expect(r.hint).toContain('Ленина');
    expect(r.hint).toContain('фонарь');
  });

  it('does not count words a message uses in passing («машины объезжают», «перебегают дорогу»)', () => {
    const r = checkKey(key, {
      text: 'Просим пешеходный переход у поликлиники, люди перебегают дорогу, машины не тормозят.',
      answer: 'Анна, добрый день! Переход у поликлиники сделают в третьем квартале.',
    });
    expect(r.status).toBe('manual');
  });
});
