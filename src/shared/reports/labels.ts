import type { CriterionKey } from '../regulations';
import type { Reaction } from './schema';

/** Short Russian names of the answer criteria, for tables and charts (the profile holds the full wording). */
export const CRITERION_SHORT_LABEL: Readonly<Record<CriterionKey, string>> = {
  substance: 'Не решает вопрос по существу',
  objects: 'Упомянуты не все объекты',
  addressee: 'Обращение к автору',
  deadline: 'Нет точного срока',
  'plain-language': 'Канцелярит, штампы',
  'legal-references': 'Ссылки на НПА без пояснений',
  spelling: 'Орфография и пунктуация',
  'internal-index': 'Внутренний индекс',
  redirect: 'Переадресация',
  emotional: 'Эмоциональная оценка',
  accusations: 'Обвинения третьих лиц',
  'personal-data': 'Персональные данные третьих лиц',
  abbreviations: 'Непонятные сокращения',
  evidence: 'Нет фото, видео или акта',
};

export const REACTION_LABEL: Readonly<Record<Reaction, string>> = {
  positive: 'Доволен',
  neutral: 'Нейтрально',
  negative: 'Недоволен',
};

/** Where the figures of messages routed to no department go. */
export const NO_DEPARTMENT = { name: 'Без направления в подразделение', shortName: 'МЦУ' } as const;

export const TOTAL_LABEL = 'Администрация в целом';

/** Column headings of the per-department table: the same words on screen, in XLSX and in PDF. */
export const FIGURE_LABEL = {
  received: 'Поступило',
  highImportance: 'Повышенной важности',
  answered: 'Дан ответ',
  answeredOnTime: 'Ответ в срок',
  answeredLate: 'Ответ с нарушением срока',
  onTimeShare: 'Доля ответов в срок',
  open: 'В работе',
  awaitingAnswer: 'Ожидают ответа',
  overdueNow: 'Просрочено сейчас',
  misroutedReturns: 'Возвращено (не по компетенции)',
  reworkIncidents: 'Возвращено на доработку (сообщений)',
  reworkReturns: 'Возвратов на доработку',
  reviewedAnswers: 'Ответов на согласовании',
  approvedAnswers: 'Ответов согласовано',
  firstPassAnswers: 'Согласовано с первого раза',
  firstPassShare: 'Доля согласованных с первого раза',
  interim: 'Промежуточных ответов',
  finalOnTime: 'Окончательный ответ в срок',
  finalLate: 'Окончательный ответ с нарушением срока',
  finalOverdue: 'Окончательный ответ просрочен',
  finalPending: 'Окончательный ответ ожидается',
  publishMinutesAvg: 'Среднее время до ответа, раб. ч',
  publishMinutesMedian: 'Медиана времени до ответа, раб. ч',
  closedNoAnswer: 'Закрыто без ответа',
  repeats: 'Повторных сообщений',
  repeatsWithNewFacts: 'Повторных с новыми фактами',
  closedAsRepeat: 'Закрыто как повторные',
  satisfactionShare: 'Доля довольных авторов',
} as const;
export type FigureKey = keyof typeof FIGURE_LABEL;
