import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli';
import { killHard, spawnHub } from './processes';
import { tempDir } from './support';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

describe('hub and sync commands', () => {
  it('enrol a workstation and a person, sync one round, and refuse the workstation once revoked', async () => {
    const hubDir = tempDir();
    const ws = tempDir();
    cleanups.push(hubDir.remove, ws.remove);
    const hubArgs = ['--data-dir', hubDir.path];
    expect((await runCli(['hub', 'add-department', 'roads', 'Дорожное хозяйство', ...hubArgs])).code).toBe(0);
    const user = await runCli(['hub', 'add-user', 'op1', '--role', 'operator', '--json', ...hubArgs], {
      input: 'пароль-оператора\n',
    });
    expect(user.code, user.stderr).toBe(0);
    const weak = await runCli([
      'hub',
      'add-user',
      'op2',
      '--role',
      'operator',
      '--password',
      'short',
      ...hubArgs,
    ]);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/не короче 8/);
    const enrolled = await runCli(['hub', 'add-workstation', 'desk-1', '--json', ...hubArgs]);
    const { token } = JSON.parse(enrolled.stdout) as { token: string };
    expect(token).toMatch(/^otkw_/);
    const list = JSON.parse((await runCli(['hub', 'list-workstations', ...hubArgs])).stdout) as {
      name: string;
    }[];
    expect(list.map((w) => w.name)).toEqual(['desk-1']);

    const hub = await spawnHub(hubDir.path);
    cleanups.push(() => killHard(hub.proc));
    const first = await runCli(['sync', '--data-dir', ws.path, '--hub', hub.url, '--token', token]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ bootstrapped: true, pending: 0 });
    const signed = await runCli([
      'sync',
      '--data-dir',
      ws.path,
      '--login',
      'op1',
      '--password',
      'пароль-оператора',
    ]);
    expect(signed.code, signed.stderr).toBe(0);
    const wrong = await runCli(['sync', '--data-dir', ws.path, '--login', 'op1', '--password', 'не тот']);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/Неверный логин или пароль/);

    expect((await runCli(['hub', 'revoke-workstation', 'desk-1', ...hubArgs])).code).toBe(0);
    const refused = await runCli(['sync', '--data-dir', ws.path]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/отозван/);
  }, 120_000);
});
