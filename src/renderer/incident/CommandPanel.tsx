import { useEffect, useState, type ReactNode } from 'react';
import type { Department } from '../../shared/domain/incident';
import type { IncidentCard } from '../../shared/api/workflow';
import type { Criterion } from '../../shared/regulations';
import { CLOSE_REASON_LABEL, COMMAND_LABEL } from '../../shared/workflow/labels';
import { CLOSE_REASONS, type CommandType } from '../../shared/workflow';
import { api } from '../api/client';

type Execute = (command: Record<string, unknown>) => Promise<string | null>;

type Props = {
  card: IncidentCard;
  execute: Execute;
  draftText: string;
  draftKind: 'final' | 'interim';
  attachmentIds: string[];
  /** Actions another pane offers instead (the reviewer pane's approve and return). */
  omit?: CommandType[];
};

function useDepartments(): Department[] {
  const [list, setList] = useState<Department[]>([]);
  useEffect(() => void api.call('departments.list', {}).then(setList, () => setList([])), []);
  return list;
}

function useCriteria(): Criterion[] {
  const [list, setList] = useState<Criterion[]>([]);
  useEffect(
    () =>
      void api.call('org.get', {}).then(
        (o) => setList(o.activeProfile.criteria),
        () => setList([]),
      ),
    [],
  );
  return list;
}

/** A control with its name beside it: a field's value alone («Северный район») does not say what it is. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="action__field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** One action: a titled box with its inputs and a button; the core's refusal is shown under it. */
function Action({
  type,
  children,
  onRun,
  disabled,
}: {
  type: CommandType;
  children?: ReactNode;
  onRun: () => Promise<string | null>;
  disabled?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="action"
      data-command={type}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void onRun().then((err) => {
          setError(err);
          setBusy(false);
        });
      }}
    >
      {children}
      <button type="submit" disabled={busy || disabled}>
        {COMMAND_LABEL[type]}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Only the actions the signed-in person may take now (the core's `allowed` list), each a form. */
export function CommandPanel({ card, execute, draftText, draftKind, attachmentIds, omit = [] }: Props) {
  const departments = useDepartments();
  const criteria = useCriteria();
  const allowed = new Set(card.allowed.filter((c) => !omit.includes(c)));
  const [main, setMain] = useState(card.incident.departmentId ?? '');
  const [co, setCo] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [failed, setFailed] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [url, setUrl] = useState('');
  const [until, setUntil] = useState('');
  const [informed, setInformed] = useState(false);
  const [closeReason, setCloseReason] = useState<string>(CLOSE_REASONS[0]);
  const [earlier, setEarlier] = useState('');
  const [earlierUrl, setEarlierUrl] = useState('');
  const [newFacts, setNewFacts] = useState(false);
  const [topic, setTopic] = useState(card.incident.topic);
  const [location, setLocation] = useState(card.incident.location);
  const [importance, setImportance] = useState(card.incident.importance);
  const routing = { mainDepartmentId: main, coDepartmentIds: co.filter((d) => d !== main) };
  const routedDepartment = 'routing' in card.state ? card.state.routing.mainDepartmentId : '';

  if (allowed.size === 0)
    return <p className="muted">Для вашей роли действий с этим инцидентом сейчас нет.</p>;

  return (
    <div className="actions" data-testid="actions">
      {allowed.has('classify') && (
        <Action type="classify" onRun={() => execute({ type: 'classify', topic, location, importance })}>
          <Field label="Тема">
            <input value={topic} onChange={(e) => setTopic(e.target.value)} />
          </Field>
          <Field label="Место">
            <input value={location} onChange={(e) => setLocation(e.target.value)} />
          </Field>
          <Field label="Важность">
            <select
              value={importance}
              onChange={(e) => setImportance(e.target.value === 'high' ? 'high' : 'normal')}
            >
              <option value="normal">обычная</option>
              <option value="high">повышенной важности</option>
            </select>
          </Field>
        </Action>
      )}
      {allowed.has('route') && (
        <Action type="route" disabled={!main} onRun={() => execute({ type: 'route', ...routing })}>
          <Field label="Исполнитель (подразделение)">
            <select value={main} onChange={(e) => setMain(e.target.value)}>
              <option value="">— выберите подразделение —</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
          <fieldset className="checks">
            <legend>Соисполнители</legend>
            {departments
              .filter((d) => d.id !== main)
              .map((d) => (
                <label key={d.id}>
                  <input
                    type="checkbox"
                    checked={co.includes(d.id)}
                    onChange={(e) => setCo(e.target.checked ? [...co, d.id] : co.filter((x) => x !== d.id))}
                  />
                  {d.shortName || d.name}
                </label>
              ))}
          </fieldset>
        </Action>
      )}
      {allowed.has('return-misrouted') && (
        <Action
          type="return-misrouted"
          onRun={() => execute({ type: 'return-misrouted', departmentId: routedDepartment, reason })}
        >
          <textarea
            aria-label="Причина возврата"
            placeholder="Почему вопрос не относится к подразделению"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Action>
      )}
      {allowed.has('save-draft') && (
        <Action
          type="save-draft"
          onRun={() => execute({ type: 'save-draft', text: draftText, kind: draftKind, attachmentIds })}
        />
      )}
      {allowed.has('submit-part') && (
        <Action
          type="submit-part"
          onRun={() =>
            execute({
              type: 'submit-part',
              departmentId: card.incident.departmentId,
              text: draftText,
              attachmentIds,
            })
          }
        />
      )}
      {allowed.has('compile-summary') && (
        <Action
          type="compile-summary"
          onRun={() => execute({ type: 'compile-summary', text: draftText, kind: draftKind, attachmentIds })}
        />
      )}
      {allowed.has('send-for-review') && (
        <Action type="send-for-review" onRun={() => execute({ type: 'send-for-review' })} />
      )}
      {allowed.has('approve') && <Action type="approve" onRun={() => execute({ type: 'approve' })} />}
      {allowed.has('return-for-rework') && (
        <Action
          type="return-for-rework"
          onRun={() => execute({ type: 'return-for-rework', criteria: failed, comment })}
        >
          <fieldset className="checks">
            <legend>Нарушенные критерии</legend>
            {criteria.map((c) => (
              <label key={c.key}>
                <input
                  type="checkbox"
                  checked={failed.includes(c.key)}
                  onChange={(e) =>
                    setFailed(e.target.checked ? [...failed, c.key] : failed.filter((k) => k !== c.key))
                  }
                />
                {c.title} <span className="muted">({c.clause})</span>
              </label>
            ))}
          </fieldset>
          <textarea
            aria-label="Замечания"
            placeholder="Что исправить"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </Action>
      )}
      {allowed.has('publish') && (
        <Action type="publish" onRun={() => execute({ type: 'publish', url })}>
          <input
            aria-label="Ссылка на опубликованный ответ"
            placeholder="https://vk.com/wall-…"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </Action>
      )}
      {allowed.has('agree-postponement') && (
        <Action
          type="agree-postponement"
          onRun={() =>
            execute({
              type: 'agree-postponement',
              until: until ? new Date(until).getTime() : 0,
              authorInformed: informed,
            })
          }
        >
          <input
            type="datetime-local"
            aria-label="Новый срок"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
          />
          <label>
            <input type="checkbox" checked={informed} onChange={(e) => setInformed(e.target.checked)} /> Автор
            проинформирован
          </label>
        </Action>
      )}
      {allowed.has('close-no-answer') && (
        <Action
          type="close-no-answer"
          onRun={() => execute({ type: 'close-no-answer', reason: closeReason, comment })}
        >
          <select aria-label="Причина" value={closeReason} onChange={(e) => setCloseReason(e.target.value)}>
            {CLOSE_REASONS.map((r) => (
              <option key={r} value={r}>
                {CLOSE_REASON_LABEL[r]}
              </option>
            ))}
          </select>
        </Action>
      )}
      {allowed.has('link-repeat') && (
        <Action
          type="link-repeat"
          onRun={() =>
            execute({
              type: 'link-repeat',
              earlierIncidentId: earlier,
              earlierAnswerUrl: earlierUrl,
              newFacts,
              routing: newFacts ? routing : null,
            })
          }
        >
          <input
            aria-label="Номер предыдущего инцидента"
            placeholder="id предыдущего инцидента"
            value={earlier}
            onChange={(e) => setEarlier(e.target.value)}
          />
          <input
            aria-label="Ссылка на предыдущий ответ"
            placeholder="https://…"
            value={earlierUrl}
            onChange={(e) => setEarlierUrl(e.target.value)}
          />
          <label>
            <input type="checkbox" checked={newFacts} onChange={(e) => setNewFacts(e.target.checked)} /> Есть
            новые факты — направить снова
          </label>
        </Action>
      )}
      {allowed.has('reopen') && (
        <Action type="reopen" onRun={() => execute({ type: 'reopen', reason })}>
          <textarea aria-label="Причина" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Action>
      )}
    </div>
  );
}
