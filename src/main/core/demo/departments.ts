/**
 * Departments of the demo city administration, and which one answers each topic group.
 * Real municipalities configure this themselves; these names follow the usual structure
 * of a city administration of 200–500 thousand people.
 */
export const DEMO_DEPARTMENTS: Array<{ id: string; name: string; shortName: string }> = [
  { id: 'dep-zhkh', name: 'Управление жилищно-коммунального хозяйства', shortName: 'ЖКХ' },
  {
    id: 'dep-roads',
    name: 'Управление дорожного хозяйства и транспорта',
    shortName: 'Дороги и транспорт',
  },
  { id: 'dep-blago', name: 'Управление благоустройства', shortName: 'Благоустройство' },
  { id: 'dep-edu', name: 'Управление образования', shortName: 'Образование' },
  {
    id: 'dep-health',
    name: 'Отдел по взаимодействию с учреждениями здравоохранения',
    shortName: 'Здравоохранение',
  },
  { id: 'dep-social', name: 'Управление социальной защиты населения', shortName: 'Соцзащита' },
  {
    id: 'dep-arch',
    name: 'Управление архитектуры и градостроительства',
    shortName: 'Архитектура',
  },
  { id: 'dep-trade', name: 'Управление потребительского рынка', shortName: 'Потребрынок' },
  {
    id: 'dep-gochs',
    name: 'Управление по делам гражданской обороны и чрезвычайных ситуаций',
    shortName: 'ГО и ЧС',
  },
  {
    id: 'dep-culture',
    name: 'Управление культуры, физической культуры и спорта',
    shortName: 'Культура и спорт',
  },
  /** Receives what no topic rule covers, so that nothing is routed to a wrong specialist department. */
  { id: 'dep-general', name: 'Общий отдел администрации', shortName: 'Общий отдел' },
];

/** Topic groups of the demo data (ux.md), in the order the UI lists them. */
export const DEMO_TOPICS = [
  'ЖКХ',
  'Дороги',
  'Благоустройство',
  'Общественный транспорт',
  'Мусор и экология',
  'Здравоохранение',
  'Образование',
  'Социальная защита',
  'Безопасность',
  'Строительство',
  'Торговля',
  'Культура и спорт',
] as const;
export type DemoTopic = (typeof DEMO_TOPICS)[number];

export const FALLBACK_DEPARTMENT_ID = 'dep-general';

const BY_TOPIC: Record<DemoTopic, string> = {
  ЖКХ: 'dep-zhkh',
  Дороги: 'dep-roads',
  Благоустройство: 'dep-blago',
  'Общественный транспорт': 'dep-roads',
  'Мусор и экология': 'dep-blago',
  Здравоохранение: 'dep-health',
  Образование: 'dep-edu',
  'Социальная защита': 'dep-social',
  Безопасность: 'dep-gochs',
  Строительство: 'dep-arch',
  Торговля: 'dep-trade',
  'Культура и спорт': 'dep-culture',
};

/** Word stems for topics typed by hand or imported with a different wording («Дороги и тротуары», «Отопление»). */
const BY_STEM: ReadonlyArray<readonly [string, string]> = [
  ['жкх', 'dep-zhkh'],
  ['жилищ', 'dep-zhkh'],
  ['коммунал', 'dep-zhkh'],
  ['отоплен', 'dep-zhkh'],
  ['водоснаб', 'dep-zhkh'],
  ['транспорт', 'dep-roads'],
  ['дорог', 'dep-roads'],
  ['автобус', 'dep-roads'],
  ['благоустр', 'dep-blago'],
  ['площадк', 'dep-blago'],
  ['мусор', 'dep-blago'],
  ['эколог', 'dep-blago'],
  ['озеленен', 'dep-blago'],
  ['здравоохр', 'dep-health'],
  ['медиц', 'dep-health'],
  ['поликлин', 'dep-health'],
  ['образован', 'dep-edu'],
  ['школ', 'dep-edu'],
  ['детский сад', 'dep-edu'],
  ['детсад', 'dep-edu'],
  ['социал', 'dep-social'],
  ['соцзащ', 'dep-social'],
  ['безопасн', 'dep-gochs'],
  ['чс', 'dep-gochs'],
  ['строител', 'dep-arch'],
  ['архитект', 'dep-arch'],
  ['градостро', 'dep-arch'],
  ['торгов', 'dep-trade'],
  ['потребит', 'dep-trade'],
  ['культур', 'dep-culture'],
  ['спорт', 'dep-culture'],
];

/**
 * The department that answers a topic. Exact topic groups first (case-insensitive), then word stems;
 * anything else goes to the general department, where the operator routes it by hand.
 */
export function departmentForTopic(topic: string): string {
  const normalized = topic.trim().toLowerCase().replaceAll('ё', 'е');
  for (const [name, id] of Object.entries(BY_TOPIC)) {
    if (name.toLowerCase() === normalized) return id;
  }
  for (const [stem, id] of BY_STEM) {
    if (normalized.includes(stem)) return id;
  }
  return FALLBACK_DEPARTMENT_ID;
}
