import { describe, expect, it } from 'vitest';
import { stageStateText } from '../../../../src/renderer/incident/StageList';

describe('a stage’s state on the card', () => {
  it('says a running stage’s time left, and an overdue one’s overrun once', () => {
    expect(stageStateText('on-time', 135)).toBe('в срок · осталось 2 ч 15 мин раб.');
    expect(stageStateText('warning', 20)).toBe('скоро срок · осталось 20 мин раб.');
    expect(stageStateText('breached', -180)).toBe('просрочен на 3 ч раб.');
  });

  it('says only the state of a stage done or not started', () => {
    expect(stageStateText('done', -30)).toBe('выполнен');
    expect(stageStateText('done-late', -30)).toBe('выполнен с опозданием');
    expect(stageStateText('pending', 60)).toBe('ещё не начат');
  });
});
