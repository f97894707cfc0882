import { describe, expect, it } from 'vitest';
import { checkKey } from './helpers';

const key = 'plain-language';
const hi = 'Анна, добрый день! ';

describe('plain-language (Новороссийск p.10.5)', () => {
  it('passes a plain answer', () => {
    expect(checkKey(key, { answer: `${hi}Фонарь у дома № 12 заменили сегодня, он горит.` }).status).toBe(
      'pass',
    );
  });

  it.each([
    ['Доводим до вашего сведения, что фонарь заменят.', 'Доводим до вашего сведения', 'сообщаем'],
    [
      'По вашему сообщению приняты необходимые меры.',
      'приняты необходимые меры',
      'напишите, что именно сделано',
    ],
    [
      'Вопрос находится на особом контроле.',
      'находится на особом контроле',
      'кто и когда проверит результат',
    ],
    ['Вышеуказанная горка демонтирована.', 'Вышеуказанная', 'этот, эти (или повторите, о чем речь)'],
    ['Заявителю сообщаем, что отопление включат.', 'Заявителю', 'вы (обращайтесь к автору напрямую)'],
    ['Ремонт не представляется возможным.', 'не представляется возможным', 'нельзя, не можем (и почему)'],
  ])('fails a strong one alone: «%s»', (text, span, suggestion) => {
    const r = checkKey(key, { answer: hi + text });
    expect(r.status).toBe('fail');
    expect(r.spans).toContain(span);
    expect(r.findings.find((f) => r.spans[r.findings.indexOf(f)] === span)?.suggestion).toBe(suggestion);
  });

  it('lets one mild one pass with a hint, and fails several', () => {
    const one = checkKey(key, { answer: `${hi}В настоящее время фонарь горит.` });
    expect(one.status).toBe('pass');
    expect(one.hint).toContain('«В настоящее время» → сейчас');
    const many = checkKey(key, {
      answer: `${hi}В настоящее время осуществляется замена светильников в рамках программы.`,
    });
    expect(many.status).toBe('fail');
    expect(many.spans).toEqual(['В настоящее время', 'осуществляется', 'в рамках']);
  });

  it('does not take the noun «данные» for the канцелярит «данный»', () => {
    expect(
      checkKey(key, { answer: `${hi}Данные счетчика передали в УК. В целях проверки придет мастер.` }).status,
    ).toBe('pass');
  });
});
