import { assertNever } from '../../../shared/assert';
import type { Network } from '../../../shared/domain/incident';
import type { Rng } from './random';

/** Shares of networks among the messages an МЦУ of a mid-sized city receives. */
export const NETWORK_WEIGHTS: ReadonlyArray<readonly [Network, number]> = [
  ['vk', 45],
  ['ok', 15],
  ['telegram', 20],
  ['pos', 20],
];

/** City communities the monitoring system watches: public pages, groups, chats. */
const VK_GROUPS = ['41236587', '170234512', '98123476', '203456781'];
const OK_GROUPS = ['54378219300123', '55120987645321', '70000001234567'];
const TELEGRAM_CHANNELS = ['podslushano_gorod', 'gorod_online_chat', 'nash_gorod_news', 'zarechye_chat'];

/** A link to the post or comment, in the form each network uses. */
export function messageUrl(rng: Rng, network: Network): string {
  switch (network) {
    case 'vk': {
      const post = rng.int(150_000, 290_000);
      const base = `https://vk.com/wall-${rng.pick(VK_GROUPS)}_${post}`;
      return rng.chance(0.5) ? `${base}?reply=${post + rng.int(1, 900)}` : base;
    }
    case 'ok':
      return `https://ok.ru/group/${rng.pick(OK_GROUPS)}/topic/${digits(rng, 15)}`;
    case 'telegram':
      return `https://t.me/${rng.pick(TELEGRAM_CHANNELS)}/${rng.int(10_000, 99_999)}`;
    case 'pos':
      return `https://pos.gosuslugi.ru/appeals/${digits(rng, 8)}`;
    case 'other':
      return `https://gorod-forum.ru/topic/${rng.int(1000, 99_999)}`;
    default:
      return assertNever(network);
  }
}

/** A number of `n` digits, the first not zero. */
function digits(rng: Rng, n: number): string {
  let out = String(rng.int(1, 9));
  while (out.length < n) out += String(rng.int(0, 9));
  return out;
}
