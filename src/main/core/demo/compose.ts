import { BUS_ROUTES, DISTRICTS, HOUSES_OF_CULTURE, type District, type Street } from './places';
import type { Rng } from './random';
import { CLOSINGS, DURATIONS, EMOJI, GREETINGS, type Problem } from './texts';

export type Style = 'social' | 'pos';

export interface ComposedText {
  text: string;
  /** «Центральный район, ул. Советская, 14», as precise as the text itself. */
  location: string;
}

/**
 * Fills template slots for one incident. Values are drawn lazily and remembered, so every
 * sentence of one text speaks of the same house, and the location is as precise as the text.
 */
class Slots {
  private readonly values = new Map<string, string>();
  private readonly district: District;
  private readonly street: Street;

  constructor(private readonly rng: Rng) {
    this.district = rng.pick(DISTRICTS);
    this.street = rng.pick(this.district.streets);
  }

  fill(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_, name: string) => this.get(name));
  }

  get(name: string): string {
    let value = this.values.get(name);
    if (value === undefined) {
      value = this.draw(name);
      this.values.set(name, value);
    }
    return value;
  }

  private draw(name: string): string {
    const rng = this.rng;
    switch (name) {
      case 'addr':
        return `${this.get('street')}, ${this.get('house')}`;
      case 'home':
        return `${this.get('house')} ${this.street.along}`;
      case 'street':
        return this.street.name;
      case 'on':
        return this.street.on;
      case 'street2':
        return rng.pick(this.district.streets.filter((s) => s !== this.street)).name;
      case 'house': {
        const n = rng.int(1, 120);
        const suffix = rng.weighted<string>([
          ['', 85],
          ['а', 6],
          ['б', 3],
          [' корп. 2', 6],
        ]);
        return `${n}${suffix}`;
      }
      case 'district':
        return this.district.name;
      case 'in_district':
        return this.district.in;
      case 'park':
        return rng.pick(this.district.parks);
      case 'stop':
        return rng.pick(this.district.stops);
      case 'route':
        return rng.pick(BUS_ROUTES);
      case 'time':
        return `${rng.int(6, 8)}:${rng.pick(['05', '15', '20', '30', '40', '45', '50'])}`;
      case 'wait':
        return String(rng.pick([25, 30, 35, 40, 45, 50, 60]));
      case 'days':
        return rng.pick(DURATIONS);
      case 'school':
        return String(rng.int(1, 42));
      case 'kg':
        return String(rng.int(1, 75));
      case 'clinic':
        return String(rng.int(1, 6));
      case 'entrance':
        return `${rng.int(1, 6)}-м`;
      case 'floor':
        return `${rng.int(2, 9)}-м`;
      case 'temp':
        return String(rng.int(12, 16));
      case 'dk':
        return rng.pick(HOUSES_OF_CULTURE);
      default:
        throw new Error(`Unknown template slot {${name}}`);
    }
  }

  location(): string {
    const used = (name: string): boolean => this.values.has(name);
    const district = this.district.name;
    if (used('house')) return `${district}, ${this.street.name}, ${this.get('house')}`;
    if (used('street2')) return `${district}, перекрёсток ${this.street.name} и ${this.get('street2')}`;
    if (used('on') || used('street')) return `${district}, ${this.street.name}`;
    if (used('school')) return `${district}, школа № ${this.get('school')}`;
    if (used('kg')) return `${district}, детский сад № ${this.get('kg')}`;
    if (used('clinic')) return `${district}, поликлиника № ${this.get('clinic')}`;
    if (used('stop')) return `${district}, остановка «${this.get('stop')}»`;
    if (used('dk')) return `${district}, ${this.get('dk')}`;
    return district;
  }
}

/** One complaint of 2–5 sentences: greeting?, the problem, details, closing?. */
export function composeText(rng: Rng, problem: Problem, style: Style, urgent: boolean): ComposedText {
  const slots = new Slots(rng);
  const sentences: string[] = [];

  if (rng.chance(style === 'pos' ? 0.5 : 0.4)) sentences.push(rng.pick(GREETINGS[style]));
  sentences.push(rng.pick(problem.core));
  const details = rng.sample(problem.details, rng.int(0, 2));
  sentences.push(...details);
  if (urgent ? rng.chance(0.7) : rng.chance(style === 'pos' ? 0.7 : 0.45)) {
    sentences.push(rng.pick(urgent ? CLOSINGS.urgent : CLOSINGS[style]));
  }
  if (sentences.length < 2) {
    const unused = problem.details.filter((d) => !details.includes(d));
    sentences.push(unused.length > 0 ? rng.pick(unused) : rng.pick(CLOSINGS[style]));
  }

  let text = sentences.map((s) => capitalize(slots.fill(s))).join(' ');
  if (style === 'social' && rng.chance(0.08)) text += ` ${rng.pick(EMOJI)}`;
  return { text, location: slots.location() };
}

function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
