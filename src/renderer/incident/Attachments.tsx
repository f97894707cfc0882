import { useState } from 'react';
import type { Attachment, AttachmentKind } from '../../shared/api/workflow';
import { api, ApiCallError } from '../api/client';

const KIND_LABEL: Record<AttachmentKind, string> = {
  photo: 'Фото',
  video: 'Видео',
  act: 'Акт',
  other: 'Другое',
};

function kindOf(file: File): AttachmentKind {
  if (file.type.startsWith('image/')) return 'photo';
  if (file.type.startsWith('video/')) return 'video';
  if (file.type === 'application/pdf') return 'act';
  return 'other';
}

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Photo, video or a scanned act (Ухта p.10): copied into the data folder, kept by content hash. */
export function Attachments({
  incidentId,
  list,
  canAdd,
}: {
  incidentId: string;
  list: Attachment[];
  canAdd: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async (files: FileList | null) => {
    if (!files) return;
    setBusy(true);
    setError(null);
    try {
      for (const file of Array.from(files)) {
        await api.call('attachments.add', {
          incidentId,
          fileName: file.name,
          mime: file.type,
          kind: kindOf(file),
          dataBase64: await base64(file),
        });
      }
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Не удалось добавить файл');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="attachments" data-testid="attachments">
      <ul>
        {list.map((a) => (
          <li key={a.id}>
            {KIND_LABEL[a.kind]}: {a.fileName} <span className="muted">({Math.ceil(a.size / 1024)} КБ)</span>
          </li>
        ))}
        {list.length === 0 && <li className="muted">Вложений нет</li>}
      </ul>
      {canAdd && (
        <label className="file">
          <span>{busy ? 'Загрузка…' : 'Добавить фото, видео или акт'}</span>
          <input type="file" multiple disabled={busy} onChange={(e) => void add(e.target.files)} />
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
