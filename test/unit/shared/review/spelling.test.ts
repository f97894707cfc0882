import { describe, expect, it } from 'vitest';
import { checkKey } from './helpers';
import { loadReviewResourcesSync } from '../../../../src/main/review/resources';
import { readDawg } from '../../../../src/shared/review';
import { isKnownWord, suggest } from '../../../../src/shared/review/rules/spelling';

const key = 'spelling';
const hi = 'Анна, добрый день! ';

describe('spelling (Новороссийск p.10.6)', () => {
  const dict = readDawg(loadReviewResourcesSync().dictionary);

  it('knows every form of a word from the Hunspell morphology, with or without «ё»', () => {
    for (const w of [
      'отремонтируют',
      'отремонтированного',
      'светильников',
      'ещё',
      'еще',
      'Вашего',
      'ямочного',
      'ливневки',
    ]) {
      expect(isKnownWord(dict, w)).toBe(true);
    }
    for (const w of ['жилищно-коммунальный', 'кое-где', 'по-прежнему', 'из-за', 'что-нибудь']) {
      expect(isKnownWord(dict, w)).toBe(true);
    }
    expect(isKnownWord(dict, 'отремантируют')).toBe(false);
  });

  it('suggests the word one letter away', () => {
    expect(suggest(dict, 'отремантируют')).toBe('отремонтируют');
    expect(suggest(dict, 'замениили')).toBe('заменили');
    expect(suggest(dict, 'Устоновят')).toBe('Установят');
  });

  it('passes a correct answer with street names, the author’s name, abbreviations, numbers and quotes', () => {
    const r = checkKey(key, {
      author: 'Зульфия Хайруллина',
      text: 'На Шевчуковской, 12 и у ТЦ «Бирюзовый» не горят фонари, Зульфия',
      answer:
        'Зульфия, добрый день! Фонари на ул. Шевчуковской, 12 и у ТЦ «Бирюзовый» заменило МБУ «Горсветсервис» 14.05.2025 в 10:30. Подробности — у Кривошапкина В. П. из УЖКХ.',
    });
    expect(r.status).toBe('pass');
  });

  it('fails a misspelt word with a suggestion', () => {
    const r = checkKey(key, { answer: `${hi}Крыльцо отремантируют до 15 июня.` });
    expect(r.status).toBe('fail');
    expect(r.spans).toEqual(['отремантируют']);
    expect(r.findings[0]?.suggestion).toBe('отремонтируют');
  });

  it('flags a misspelt word at the start of a sentence, not an unknown proper name there', () => {
    expect(checkKey(key, { answer: `${hi}Замениили фонарь.` }).status).toBe('fail');
    expect(checkKey(key, { answer: `${hi}Горгаз закончит ремонт до 18:00.` }).status).toBe('pass');
  });

  it.each([
    ['Анна добрый день! Фонарь заменили.', ' ', 'Обращение выделяется запятой'],
    ['Добрый день Анна! Фонарь заменили.', ' ', 'Обращение выделяется запятой'],
    [`${hi}Сообщаем что фонарь заменили.`, ' что', 'Нет запятой перед «что»'],
    [`${hi}Фонарь заменят до 20 августа но сначала нужен кабель.`, ' но', 'Нет запятой перед «но»'],
    [`${hi}Это фонарь который не горел.`, ' который', 'Нет запятой перед «который»'],
    [`${hi}Напишите нам если фонарь погаснет.`, ' если', 'Нет запятой перед «если»'],
    [`${hi}Фонарь заменили , он горит.`, ' ,', 'Лишний пробел перед знаком препинания'],
    [`${hi}Фонарь заменили,он горит.`, ',о', 'Нет пробела после знака препинания'],
    [`${hi}Фонарь заменили. спасибо!`, 'с', 'Предложение начинается со строчной буквы'],
  ])('catches the punctuation of «%s»', (answer, span, message) => {
    const r = checkKey(key, { answer });
    expect(r.status).toBe('fail');
    expect(r.findings.map((f, i) => [r.spans[i], f.message])).toContainEqual([span, message]);
  });

  it('does not ask for a comma in «потому что», «так как», «то что» after a preposition, or after «ул.»', () => {
    const r = checkKey(key, {
      answer: `${hi}Фонарь не горел, потому что перегорела лампа. Несмотря на то что шел дождь, его заменили. На ул. Ленина и т. д. все горит.`,
    });
    expect(r.status).toBe('pass');
  });
});
