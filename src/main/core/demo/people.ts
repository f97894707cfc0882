import { assertNever } from '../../../shared/assert';
import type { Network } from '../../../shared/domain/incident';
import type { Rng } from './random';

type Gender = 'm' | 'f';

const FIRST_NAMES: Record<Gender, readonly string[]> = {
  m: [
    'Александр',
    'Алексей',
    'Андрей',
    'Артём',
    'Владимир',
    'Виктор',
    'Дмитрий',
    'Евгений',
    'Иван',
    'Игорь',
    'Константин',
    'Максим',
    'Михаил',
    'Николай',
    'Олег',
    'Павел',
    'Роман',
    'Сергей',
    'Юрий',
    'Геннадий',
    'Вячеслав',
    'Денис',
    'Анатолий',
    'Валерий',
  ],
  f: [
    'Анна',
    'Валентина',
    'Вера',
    'Галина',
    'Дарья',
    'Екатерина',
    'Елена',
    'Ирина',
    'Кристина',
    'Людмила',
    'Марина',
    'Мария',
    'Надежда',
    'Наталья',
    'Нина',
    'Оксана',
    'Ольга',
    'Светлана',
    'Татьяна',
    'Юлия',
    'Любовь',
    'Алёна',
    'Ксения',
    'Тамара',
  ],
};

/** Masculine forms; feminine ones are derived by the usual rules. */
const SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Кудрявцев',
  'Белов',
  'Тарасов',
  'Жуков',
  'Комаров',
  'Ковальский',
  'Ткаченко',
  'Шевченко',
  'Бондаренко',
  'Гусев',
  'Киселёв',
  'Ильин',
  'Полянский',
  'Мельник',
  'Савельев',
  'Тихонов',
  'Грачёв',
];

const PATRONYMICS: ReadonlyArray<readonly [string, string]> = [
  ['Иванович', 'Ивановна'],
  ['Петрович', 'Петровна'],
  ['Сергеевич', 'Сергеевна'],
  ['Александрович', 'Александровна'],
  ['Николаевич', 'Николаевна'],
  ['Владимирович', 'Владимировна'],
  ['Викторович', 'Викторовна'],
  ['Михайлович', 'Михайловна'],
  ['Юрьевич', 'Юрьевна'],
  ['Анатольевич', 'Анатольевна'],
  ['Геннадьевич', 'Геннадьевна'],
  ['Дмитриевич', 'Дмитриевна'],
  ['Андреевич', 'Андреевна'],
  ['Алексеевич', 'Алексеевна'],
];

/** Display names people choose in social networks instead of their full name. */
const NICKNAMES = [
  'Мама Артёма',
  'Житель Заречья',
  'Неравнодушный житель',
  'Серёга',
  'Kate',
  'Natali',
  'Dmitry K.',
  'Бабушка Галя',
  'Автомобилист',
  'Ленуська',
  'Olga_S',
  'Папа троих',
  'Sergey 73',
  'Жительница Северного',
  'Андрей В.',
  'Ирина К.',
  'Tanya',
  'Max',
  'Пенсионерка',
  'Ник',
];

function feminine(surname: string): string {
  if (surname.endsWith('ский')) return `${surname.slice(0, -4)}ская`;
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  return surname;
}

/** The name as the network shows it: full ФИО on ПОС (Госуслуги), casual names and nicknames in social networks. */
export function authorName(rng: Rng, network: Network): string {
  const gender: Gender = rng.chance(0.58) ? 'f' : 'm';
  const first = rng.pick(FIRST_NAMES[gender]);
  const base = rng.pick(SURNAMES);
  const surname = gender === 'f' ? feminine(base) : base;
  const patronymic = rng.pick(PATRONYMICS)[gender === 'f' ? 1 : 0];

  switch (network) {
    case 'pos':
      return `${surname} ${first} ${patronymic}`;
    case 'ok':
      if (rng.chance(0.25)) return `${first} ${patronymic}`;
      if (gender === 'f' && rng.chance(0.25)) return `${first} ${surname} (${feminine(rng.pick(SURNAMES))})`;
      return `${first} ${surname}`;
    case 'vk':
      if (rng.chance(0.1)) return rng.pick(NICKNAMES);
      if (gender === 'f' && rng.chance(0.15)) return `${first} ${surname} (${feminine(rng.pick(SURNAMES))})`;
      return `${first} ${surname}`;
    case 'telegram':
      if (rng.chance(0.35)) return rng.pick(NICKNAMES);
      if (rng.chance(0.3)) return first;
      return `${first} ${surname}`;
    case 'other':
      return rng.chance(0.3) ? `${first} ${patronymic} ${surname}` : `${first} ${surname}`;
    default:
      return assertNever(network);
  }
}
