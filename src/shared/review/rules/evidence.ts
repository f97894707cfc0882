import { findAll } from '../text';
import { sentenceText, test, type Rule } from '../context';

/**
 * `evidence` (Ухта p.10; Новороссийск p.17): an answer that reports measures taken or progress, or refutes the
 * message, carries a photo, a video or a scanned act. Measures are past forms («заменили», «выполнен ремонт»,
 * «проведен осмотр») in a sentence that speaks of no future or condition.
 */
const MEDIA = /\.(jpe?g|png|gif|webp|heic|heif|bmp|tiff?|mp4|mov|avi|mkv|webm|3gp|m4v|pdf)$/i;
const EVIDENCE_NAME = /(фото|видео|акт|скан|снимок|photo|video|img|scan|dsc)/i;
const DOCUMENT_NAME =
  /(акт|претензи|договор|контракт|приказ|протокол|предписани|постановлени|\.pdf$|\.docx?$|скан|scan)/i;

export function isEvidence(name: string): boolean {
  return MEDIA.test(name.trim()) || EVIDENCE_NAME.test(name);
}

export function isDocument(name: string): boolean {
  return DOCUMENT_NAME.test(name);
}

export const evidence: Rule = (input) => {
  const { lex, norm } = input;
  const reported = [...findAll(lex.measures, norm), ...findAll(lex.refutation, norm)]
    .sort((a, b) => a.start - b.start)
    .find((m) => {
      const s = sentenceText(input, m.start);
      if (test(lex.refutation, s.text)) return true;
      return !test(lex.futureMarkers, s.text);
    });
  if (!reported) return { status: 'pass', findings: [], hint: 'Ответ не сообщает о принятых мерах' };
  if (input.c.attachments.some(isEvidence)) return { status: 'pass', findings: [] };
  const none = input.c.attachments.length === 0;
  return {
    status: 'fail',
    findings: [
      {
        start: reported.start,
        end: reported.end,
        message: none
          ? 'Ответ сообщает о принятых мерах, но к нему не приложены фото, видео или акт'
          : 'Вложения не похожи на фото, видео или акт, а ответ сообщает о принятых мерах',
        suggestion: 'Приложите фото или видео результата либо скан акта приемки работ',
      },
    ],
  };
};
