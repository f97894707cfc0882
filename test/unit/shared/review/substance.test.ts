import { describe, expect, it } from 'vitest';
import { checkKey } from './helpers';

const key = 'substance';

describe('substance (Новороссийск p.10.1, Ухта p.12)', () => {
  it('always leaves the judgement to the reviewer, with a hint', () => {
    const r = checkKey(key, { answer: 'Анна, добрый день! Фонарь у дома № 12 заменили 5 мая.' });
    expect(r.status).toBe('manual');
    expect(r.hint).toContain('Проверьте по существу');
  });

  it('fails an answer made only of greetings, thanks and formal phrases', () => {
    const r = checkKey(key, {
      answer: 'Анна, добрый день! Ваше сообщение принято к сведению. Спасибо за обращение!',
    });
    expect(r.status).toBe('fail');
    expect(r.findings[0]?.message).toBe('Формальная фраза вместо ответа по существу');
  });

  it('points at a formal phrase in an answer that has content', () => {
    const r = checkKey(key, {
      answer: 'Анна, добрый день! Рассмотрим возможность установки фонаря. Сейчас на улице два светильника.',
    });
    expect(r.status).toBe('manual');
    expect(r.spans).toEqual(['Рассмотрим возможность']);
  });
});
