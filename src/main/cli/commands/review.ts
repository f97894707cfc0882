import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { BUNDLED_PROFILE_IDS, loadBundledProfile, type BundledProfileId } from '../../regulations/bundled';
import { loadReviewResourcesSync } from '../../review/resources';
import { createReviewer, ReviewCaseSchema } from '../../../shared/review';
import { CliFailure, printJson } from '../output';

function readCases(file: string): z.infer<typeof ReviewCaseSchema>[] {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliFailure(`Не удалось прочитать ${file} / Cannot read the file: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliFailure(`${file}: некорректный JSON / invalid JSON: ${(e as Error).message}`);
  }
  const schema = Array.isArray(json) ? z.array(ReviewCaseSchema) : ReviewCaseSchema;
  const r = schema.safeParse(json, { error: z.locales.ru().localeError });
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.map(String).join('.') || '(файл)'}: ${i.message}`);
    throw new CliFailure(
      [
        `${file}: ожидался случай {message: {id, author, text}, answer, kind, attachments} или массив таких случаев / not a review case`,
        ...lines.slice(0, 10),
      ].join('\n'),
    );
  }
  return Array.isArray(r.data) ? r.data : [r.data];
}

export function registerReview(program: Command): void {
  program
    .command('review')
    .description('проверить ответы по критериям регламента / check answers against the regulation criteria')
    .requiredOption('--profile <id>', `профиль регламента: ${BUNDLED_PROFILE_IDS.join(', ')}`)
    .requiredOption('--json <file>', 'JSON: один случай или массив случаев («-» — stdin)')
    .option('--resources <dir>', 'папка ресурсов (словарь, списки) / resources folder')
    .action(async (opts: { profile: string; json: string; resources?: string }) => {
      if (!(BUNDLED_PROFILE_IDS as readonly string[]).includes(opts.profile)) {
        throw new CliFailure(
          `Неизвестный профиль «${opts.profile}»; есть: ${BUNDLED_PROFILE_IDS.join(', ')} / Unknown profile`,
          2,
        );
      }
      const cases = readCases(opts.json);
      const profile = await loadBundledProfile(opts.profile as BundledProfileId, opts.resources);
      const reviewer = createReviewer(loadReviewResourcesSync(opts.resources));
      printJson(cases.map((c) => reviewer.check(profile, c)));
    });
}
