/**
 * Expands a Hunspell dictionary (`.aff` + `.dic`) into every word form it accepts. Enough of the format for
 * ru_RU by A. Lebedev (the `dictionary-ru` package): single-character flags, SFX and PFX groups with
 * strip/append/condition, cross products of one prefix with one suffix. Continuation classes, compounding and
 * two-level suffixes are not used by that dictionary and are rejected rather than silently ignored.
 */

type Affix = { strip: string; append: string; condition: RegExp };
type AffixGroup = { kind: 'PFX' | 'SFX'; cross: boolean; rules: Affix[] };

export type HunspellAffixes = ReadonlyMap<string, AffixGroup>;

const UNSUPPORTED = ['COMPOUNDFLAG', 'COMPOUNDBEGIN', 'NEEDAFFIX', 'CIRCUMFIX', 'FLAG', 'AF', 'AM'];

export function parseAff(aff: string): HunspellAffixes {
  const groups = new Map<string, AffixGroup>();
  for (const raw of aff.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const parts = line.split(/\s+/);
    const head = parts[0]!;
    if (UNSUPPORTED.includes(head)) throw new Error(`Unsupported .aff directive: ${line}`);
    if (head !== 'SFX' && head !== 'PFX') continue;
    const flag = parts[1]!;
    if (parts.length === 4 && (parts[2] === 'Y' || parts[2] === 'N')) {
      groups.set(flag, { kind: head, cross: parts[2] === 'Y', rules: [] });
      continue;
    }
    const group = groups.get(flag);
    if (!group || parts.length < 5) throw new Error(`Malformed affix line: ${line}`);
    const [strip, append, condition] = [parts[2]!, parts[3]!, parts[4]!];
    if (append.includes('/')) throw new Error(`Continuation classes are not supported: ${line}`);
    const cond = condition === '.' ? '' : condition;
    group.rules.push({
      strip: strip === '0' ? '' : strip,
      append: append === '0' ? '' : append,
      condition: new RegExp(head === 'SFX' ? `${cond}$` : `^${cond}`, 'u'),
    });
  }
  return groups;
}

function applySuffix(word: string, rule: Affix): string | null {
  if (!rule.condition.test(word) || !word.endsWith(rule.strip)) return null;
  return word.slice(0, word.length - rule.strip.length) + rule.append;
}

function applyPrefix(word: string, rule: Affix): string | null {
  if (!rule.condition.test(word) || !word.startsWith(rule.strip)) return null;
  return rule.append + word.slice(rule.strip.length);
}

/** Calls `emit` with the stem and every form its flags produce (forms may repeat). */
export function expandDic(dic: string, affixes: HunspellAffixes, emit: (form: string) => void): void {
  const lines = dic.split(/\r?\n/);
  // The first line of a .dic file is the approximate word count.
  for (let i = /^\d+$/.test(lines[0]?.trim() ?? '') ? 1 : 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const slash = line.indexOf('/');
    const word = slash < 0 ? line : line.slice(0, slash);
    const flags = slash < 0 ? '' : line.slice(slash + 1).split(/\s/)[0]!;
    emit(word);
    const suffixed: string[] = [];
    for (const flag of flags) {
      const group = affixes.get(flag);
      if (!group) throw new Error(`Unknown flag ${flag} on «${word}»`);
      if (group.kind !== 'SFX') continue;
      for (const rule of group.rules) {
        const form = applySuffix(word, rule);
        if (form !== null) {
          emit(form);
          if (group.cross) suffixed.push(form);
        }
      }
    }
    for (const flag of flags) {
      const group = affixes.get(flag)!;
      if (group.kind !== 'PFX') continue;
      for (const rule of group.rules) {
        const form = applyPrefix(word, rule);
        if (form !== null) emit(form);
        if (!group.cross) continue;
        for (const s of suffixed) {
          const both = applyPrefix(s, rule);
          if (both !== null) emit(both);
        }
      }
    }
  }
}
