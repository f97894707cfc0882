import { type ZodError } from 'zod';
import { ApiFailure, type Envelope } from '../../shared/api/envelope';
import {
  isMethod,
  isReadMethod,
  methods,
  type Method,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../shared/api/contract';
import type { Connection } from './session';

/** A handler gets the validated request and the connection it came on (whose session acts). */
export type Handlers = {
  [M in Method]: (request: ParsedRequestOf<M>, connection: Connection) => Promise<ResponseOf<M>>;
};

export type Logger = { error(message: string, detail?: unknown): void };

function describeZod(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'запрос'}: ${i.message}`)
    .join('; ');
}

/**
 * The one gate every transport goes through: unknown method → error, request validated with the
 * contract's zod schema, handler errors mapped to codes. No stack trace or SQL text leaves here.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  request: unknown,
  connection: Connection,
  logger: Logger = console,
): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `Неизвестный метод: ${method}` } };
  }
  if (connection.readOnly && !isReadMethod(method)) {
    return { ok: false, error: { code: 'forbidden', message: 'Экран только для просмотра' } };
  }
  const parsed = methods[method].request.safeParse(request ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'bad_request', message: `Неверный запрос: ${describeZod(parsed.error)}` },
    };
  }
  try {
    const handler = handlers[method] as (r: unknown, c: Connection) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, connection) };
  } catch (e) {
    if (e instanceof ApiFailure) return { ok: false, error: { code: e.code, message: e.message } };
    logger.error(`${method} failed`, e);
    return {
      ok: false,
      error: { code: 'internal', message: 'Внутренняя ошибка. Подробности записаны в журнал приложения.' },
    };
  }
}
