/**
 * Regenerates `resources/dictionaries/ru_RU.dawg`, the spelling dictionary the answer review reads:
 *
 *   npx tsx src/main/review/build-dictionary.ts [--out <file>]
 *
 * Input: Hunspell ru_RU by A. I. Lebedev (the `dictionary-ru` dev dependency, BSD-3-Clause) plus
 * `resources/dictionaries/extra-ru.dic` (municipal words the 2008 dictionary lacks, in the same Hunspell
 * format and with the same flags). Every form is expanded, «ё» is folded into «е» (Russian texts write both),
 * and the list is stored as a minimal automaton. Run it after changing either input, then commit the output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ruRU from 'dictionary-ru';
import { buildDawg } from './dawg-build';
import { expandDic, parseAff } from './hunspell';
import { foldYo } from '../../shared/review/text';

const resources = new URL('../../../resources/', import.meta.url);

export function collectWordForms(aff: string, dics: readonly string[]): Set<string> {
  const affixes = parseAff(aff);
  const forms = new Set<string>();
  for (const dic of dics) expandDic(dic, affixes, (form) => forms.add(foldYo(form)));
  return forms;
}

function main(): void {
  const args = process.argv.slice(2);
  const outArg = args.indexOf('--out');
  const out =
    outArg >= 0 && args[outArg + 1]
      ? args[outArg + 1]!
      : fileURLToPath(new URL('dictionaries/ru_RU.dawg', resources));
  const decoder = new TextDecoder('utf-8');
  const aff = decoder.decode(ruRU.aff);
  const dic = decoder.decode(ruRU.dic);
  const extra = readFileSync(new URL('dictionaries/extra-ru.dic', resources), 'utf8');
  const t0 = performance.now();
  const forms = collectWordForms(aff, [dic, extra]);
  const bytes = buildDawg(forms);
  writeFileSync(out, bytes);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  process.stdout.write(`${out}: ${forms.size} word forms, ${bytes.byteLength} bytes, ${seconds} s\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
