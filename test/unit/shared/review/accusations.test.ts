import { describe, expect, it } from 'vitest';
import { checkKey } from './helpers';

const key = 'accusations';
const hi = 'Анна, добрый день! ';

describe('accusations (Ухта p.12)', () => {
  it.each([
    ['Подрядчик сорвал сроки, поэтому контракт с ним будет расторгнут.', 'контракт с ним будет расторгнут'],
    [
      'Дворник будет привлечен к дисциплинарной ответственности.',
      'будет привлечен к дисциплинарной ответственности',
    ],
    ['Газон испорчен по вине подрядчика.', 'по вине подрядчика'],
    [
      'В отношении недобросовестного подрядчика ведется претензионная работа.',
      'недобросовестного подрядчика',
    ],
  ])('fails «%s» without a document', (text, span) => {
    const r = checkKey(key, { answer: hi + text });
    expect(r.status).toBe('fail');
    expect(r.spans).toContain(span);
  });

  it('asks the reviewer to check the attached document instead of failing', () => {
    const r = checkKey(key, {
      answer: `${hi}Контракт с подрядчиком будет расторгнут.`,
      attachments: ['претензия_подрядчику.pdf'],
    });
    expect(r.status).toBe('manual');
    expect(r.hint).toContain('документ');
  });

  it('leaves an answer that names a third party to the reviewer, and passes one that names none', () => {
    const third = checkKey(key, { answer: `${hi}Подрядчик заменит фонарь до 5 мая.` });
    expect(third.status).toBe('manual');
    expect(third.hint).toContain('«Подрядчик»');
    expect(checkKey(key, { answer: `${hi}Фонарь заменим до 5 мая.` }).status).toBe('pass');
  });
});
