import { STATUS_LABEL } from '../../shared/workflow/labels';
import { NO_DEPARTMENT } from '../../shared/api/queue-values';
import { NETWORK_LABEL, SOURCE_LABEL } from '../i18n/labels';

/** A status's word; a code the UI does not know yet is shown as it is rather than hidden. */
export function statusLabel(status: string): string {
  return (STATUS_LABEL as Readonly<Record<string, string>>)[status] ?? status;
}

export function sourceLabel(source: string): string {
  return (SOURCE_LABEL as Readonly<Record<string, string>>)[source] ?? source;
}

export function networkLabel(network: string): string {
  return (NETWORK_LABEL as Readonly<Record<string, string>>)[network] ?? network;
}

export function importanceLabel(importance: string): string {
  return importance === 'high' ? 'Повышенной важности' : 'Обычная';
}

export function departmentLabel(id: string, names: ReadonlyMap<string, string>): string {
  return id === NO_DEPARTMENT ? 'Не направлено' : (names.get(id) ?? id);
}
