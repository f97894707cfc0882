import type { HubErrorCode } from '../../shared/sync/wire';

const STATUS: Record<HubErrorCode, number> = {
  unauthorized: 401,
  revoked: 401,
  forbidden: 403,
  bad_request: 400,
  upgrade_client: 426,
  upgrade_hub: 409,
  not_found: 404,
  too_large: 413,
  unavailable: 503,
  internal: 500,
};

/** A refused request: the code and the Russian message go to the client, nothing else. */
export class HubError extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HubError';
  }

  get status(): number {
    return STATUS[this.code];
  }
}
