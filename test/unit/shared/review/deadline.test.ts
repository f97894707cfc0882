import { describe, expect, it } from 'vitest';
import { checkKey } from './helpers';

const key = 'deadline';
const hi = 'Анна, добрый день! ';

describe('deadline (Новороссийск p.10.4, Ухта p.12)', () => {
  it.each([
    'Фонарь заменят до 15 мая.',
    'Фонарь заменят в июне.',
    'Фонарь заменят 15.05.2025.',
    'Фонарь заменят во II квартале.',
    'Фонарь заменят во втором квартале 2026 года.',
    'Фонарь заменят в течение трех рабочих дней.',
    'Фонарь заменят до конца недели.',
    'Фонарь заменят завтра.',
    'Фонарь будет заменен в 2026 году, в мае.',
    'Фонарь заменили вчера, сейчас он горит.',
    'Если фонарь снова погаснет, напишите нам, и мы будем рады помочь.',
  ])('passes «%s»', (text) => {
    expect(checkKey(key, { answer: hi + text }).status).toBe('pass');
  });

  it.each([
    ['Фонарь заменят в ближайшее время.', 'в ближайшее время'],
    ['Фонарь заменят в кратчайшие сроки.', 'в кратчайшие сроки'],
    ['Освещение будет построено в 2026 году.', 'в 2026 году'],
    ['Ремонт запланирован на весенне-летний период.', 'на весенне-летний период'],
    ['Заменить фонарь не в этом году не получится.', 'не в этом году'],
    ['Ремонт выполнят по мере финансирования.', 'по мере финансирования'],
    ['Асфальт уложат после установления плюсовых температур.', 'после установления плюсовых температур'],
    ['Работы будут выполнены в установленные сроки.', 'в установленные сроки'],
  ])('fails «%s» on the vague term', (text, span) => {
    const r = checkKey(key, { answer: hi + text });
    expect(r.status).toBe('fail');
    expect(r.spans).toContain(span);
    expect(r.findings[0]?.suggestion).toBe('Назовите день, месяц или квартал');
  });

  it('fails a deferred solution with no date anywhere, pointing at its sentence', () => {
    const r = checkKey(key, { answer: `${hi}Светофор будет отремонтирован после поставки контроллера.` });
    expect(r.status).toBe('fail');
    expect(r.spans).toEqual(['Светофор будет отремонтирован после поставки контроллера.']);
  });

  it('fails an interim answer that names no date, and passes one that does', () => {
    const text = `${hi}Специалисты осмотрели двор, нужен ремонт ливневки. Окончательный ответ пришлем после ремонта.`;
    expect(checkKey(key, { answer: text, kind: 'interim' }).status).toBe('fail');
    expect(checkKey(key, { answer: text, kind: 'final' }).status).toBe('pass');
    expect(checkKey(key, { answer: `${text} Ремонт закончат до 10 июля.`, kind: 'interim' }).status).toBe(
      'pass',
    );
  });
});
