import { useState } from 'react';
import type { ReportFormat } from '../../shared/api/reports';
import { api, ApiCallError } from '../api/client';
import { refreshReminder } from './ReportReminder';

function download(fileName: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ReportFormat }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string };

/**
 * XLSX and PDF of the month: downloaded by the browser, or written by the workstation into a folder the user
 * names. Either marks the month's report as produced, which stops the reminder.
 */
export function ExportBar({ month, profileId }: { month: string; profileId: string | undefined }) {
  const [folder, setFolder] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const run = async (format: ReportFormat) => {
    setState({ kind: 'busy', format });
    try {
      const dir = folder.trim();
      const result = await api.call('reports.export', {
        month,
        format,
        ...(profileId ? { profileId } : {}),
        ...(dir ? { folder: dir } : {}),
      });
      if (result.bytesBase64) download(result.fileName, result.mime, result.bytesBase64);
      setState({
        kind: 'done',
        text: result.path ? `Файл сохранён: ${result.path}` : `Файл ${result.fileName} сформирован`,
      });
      refreshReminder();
    } catch (e) {
      setState({
        kind: 'failed',
        text: e instanceof ApiCallError ? e.message : 'Не удалось сформировать файл',
      });
    }
  };
  const busy = state.kind === 'busy';
  return (
    <div className="export-bar">
      <button type="button" onClick={() => void run('xlsx')} disabled={busy} data-testid="export-xlsx">
        {busy && state.format === 'xlsx' ? 'Формируется…' : 'Скачать XLSX'}
      </button>
      <button type="button" onClick={() => void run('pdf')} disabled={busy} data-testid="export-pdf">
        {busy && state.format === 'pdf' ? 'Формируется…' : 'PDF для подписи'}
      </button>
      <label className="export-bar__folder">
        Сохранить в папку
        <input
          type="text"
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
          placeholder="не обязательно, например C:\Отчёты"
          spellCheck={false}
        />
      </label>
      {state.kind === 'done' && (
        <span className="export-bar__done" role="status">
          {state.text}
        </span>
      )}
      {state.kind === 'failed' && (
        <span className="error" role="alert">
          {state.text}
        </span>
      )}
    </div>
  );
}
