import { describe, expect, it } from 'vitest';
import { checkKey } from './helpers';

const key = 'evidence';
const hi = 'Анна, добрый день! ';

describe('evidence (Ухта p.10)', () => {
  it.each([
    ['Плафон заменили 14 ноября, освещение работает.', 'заменили'],
    ['Информация о свалке не подтвердилась, берег чистый.', 'Информация о свалке не подтвердилась'],
    ['Специалисты выехали на место и осмотрели двор.', 'выехали'],
    ['Ремонт крыши выполнен.', 'выполнен'],
  ])('fails «%s» with no photo, video or act', (text, span) => {
    const r = checkKey(key, { answer: hi + text });
    expect(r.status).toBe('fail');
    expect(r.spans).toEqual([span]);
  });

  it('passes the same answer with a photo, a video or a scanned act', () => {
    for (const file of ['IMG_2041.JPG', 'работы.mp4', 'акт_приемки.pdf', 'скан акта']) {
      expect(checkKey(key, { answer: `${hi}Плафон заменили.`, attachments: [file] }).status).toBe('pass');
    }
  });

  it('does not count a letter as evidence', () => {
    const r = checkKey(key, { answer: `${hi}Яму засыпали.`, attachments: ['ответ_подрядчика.docx'] });
    expect(r.findings[0]?.message).toContain('Вложения не похожи');
  });

  it('needs nothing when the answer reports no measures yet', () => {
    for (const text of [
      'Фонарь заменят до 5 мая.',
      'Работы будут выполнены до 5 мая.',
      'Если фонарь погаснет, напишите.',
    ]) {
      expect(checkKey(key, { answer: hi + text }).status).toBe('pass');
    }
  });
});
