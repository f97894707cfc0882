import type { StageDeadline } from '../../shared/api/contract';
import { useNow } from '../clock/clock';
import { minutesLeft } from '../clock/time-left';
import { formatDateTime, formatTimeLeft } from '../i18n/labels';

const STATE_LABEL: Record<StageDeadline['state'], string> = {
  'on-time': 'в срок',
  warning: 'скоро срок',
  breached: 'просрочен',
  done: 'выполнен',
  'done-late': 'выполнен с опозданием',
  pending: 'ещё не начат',
};

/**
 * A stage's state in words; a running one with its time left. An overdue stage says it once: «просрочен
 * на 3 ч раб.», not «просрочен · просрочен на 3 ч раб.».
 */
export function stageStateText(state: StageDeadline['state'], minutesLeft: number): string {
  switch (state) {
    case 'breached':
      return formatTimeLeft(minutesLeft);
    case 'on-time':
    case 'warning':
      return `${STATE_LABEL[state]} · ${formatTimeLeft(minutesLeft)}`;
    default:
      return STATE_LABEL[state];
  }
}

/** Every stage's own deadline from the incident clock, with the clause it comes from (issue #4, item 8). */
export function StageList({
  stages,
  current,
  timeZone,
}: {
  stages: StageDeadline[];
  current: string | null;
  timeZone: string;
}) {
  const now = useNow();
  return (
    <table className="stages" data-testid="stage-list">
      <thead>
        <tr>
          <th>Этап</th>
          <th>Срок</th>
          <th>Состояние</th>
          <th>Пункт</th>
        </tr>
      </thead>
      <tbody>
        {stages.map((s) => (
          <tr
            key={s.id}
            className={s.id === current ? 'stage--current' : undefined}
            data-stage={s.id}
            data-state={s.state}
          >
            <td>{s.title}</td>
            <td>{formatDateTime(s.deadline, timeZone)}</td>
            <td className={`stage-state stage-state--${s.state}`}>
              {stageStateText(s.state, minutesLeft(now, s.deadline))}
            </td>
            <td className="muted">{s.clause}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
