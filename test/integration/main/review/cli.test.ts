import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerReview } from '../../../../src/main/cli/commands/review';
import { CliFailure } from '../../../../src/main/cli/output';
import { useTempDirs } from '../../../support/temp-dir';

const good = {
  message: { id: 'IM-1', author: 'Анна Петрова', text: 'Не горит фонарь у дома 12 на ул. Ленина.' },
  answer: 'Анна, добрый день! Фонарь у дома № 12 на ул. Ленина заменили 14 марта. Фото прилагаем.',
  kind: 'final',
  attachments: ['фото.jpg'],
};
const bad = {
  ...good,
  answer: 'Добрый день! Фонарь на ул. Ленина у дома № 12 заменят в ближайшее время.',
  attachments: [],
};

/** `otklik review …` in this process, the way index.ts will register it; returns stdout. */
async function review(args: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
  try {
    const program = new Command('otklik').exitOverride().configureOutput({ writeErr: () => {} });
    registerReview(program);
    await program.parseAsync(['node', 'otklik', 'review', ...args]);
    return out;
  } finally {
    spy.mockRestore();
  }
}

type CliResult = Array<{
  criteria: Array<{ key: string; status: string; clause: string }>;
  findings: Array<{ key: string; start: number; end: number; message: string }>;
}>;

describe('npm run cli -- review', () => {
  const tempDir = useTempDirs();
  afterEach(() => vi.restoreAllMocks());

  function file(content: unknown): string {
    const path = join(tempDir(), 'cases.json');
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  }

  it('prints one result per case, for one case or an array', async () => {
    const one = JSON.parse(await review(['--profile', 'novorossiysk', '--json', file(bad)])) as CliResult;
    expect(one).toHaveLength(1);
    const many = JSON.parse(
      await review(['--profile', 'ukhta', '--json', file([good, bad, good])]),
    ) as CliResult;
    expect(many).toHaveLength(3);
  });

  it('gives each criterion of the profile a status and each finding a span and a Russian message', async () => {
    const [result] = JSON.parse(
      await review(['--profile', 'novorossiysk', '--json', file(bad)]),
    ) as CliResult;
    expect(result!.criteria.map((c) => c.key)).toEqual([
      'substance',
      'objects',
      'addressee',
      'deadline',
      'plain-language',
      'legal-references',
      'spelling',
      'internal-index',
      'redirect',
      'evidence',
    ]);
    for (const c of result!.criteria) expect(['pass', 'fail', 'manual']).toContain(c.status);
    const status = Object.fromEntries(result!.criteria.map((c) => [c.key, c.status]));
    expect(status).toMatchObject({
      addressee: 'fail',
      deadline: 'fail',
      substance: 'manual',
      redirect: 'pass',
    });
    const deadline = result!.findings.find((f) => f.key === 'deadline')!;
    expect(bad.answer.slice(deadline.start, deadline.end)).toBe('в ближайшее время');
    expect(deadline.message).toMatch(/[а-я]/);
  });

  it('checks only what the profile lists (Ставрополь: three criteria)', async () => {
    const [result] = JSON.parse(await review(['--profile', 'stavropol', '--json', file(good)])) as CliResult;
    expect(result!.criteria.map((c) => c.key)).toEqual(['substance', 'objects', 'plain-language']);
  });

  it('refuses an unknown profile, a file that is not JSON and a case of the wrong shape, in Russian', async () => {
    await expect(review(['--profile', 'sochi', '--json', file(good)])).rejects.toThrow(
      /Неизвестный профиль «sochi»/,
    );
    await expect(review(['--profile', 'ukhta', '--json', file('{"message": ')])).rejects.toThrow(
      /некорректный JSON/,
    );
    const wrong = review(['--profile', 'ukhta', '--json', file([{ ...good, kind: 'draft' }])]);
    await expect(wrong).rejects.toBeInstanceOf(CliFailure);
    await expect(
      review(['--profile', 'ukhta', '--json', file([{ ...good, kind: 'draft' }])]),
    ).rejects.toThrow(/0\.kind/);
  });
});
