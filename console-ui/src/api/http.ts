/**
 * The one fetch wrapper of the console. Every call goes to the same origin with the session cookie and the
 * X-Requested-With header the server requires on cookie-authenticated changes. Any answer that is not 2xx
 * becomes an {@link ApiProblem}, parsed from application/problem+json when the server sent one.
 */

/** A field the server refused, as in the `errors` member of a validation problem. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An RFC 9457 problem answered by the REST API (or made up for a network failure). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly members: Record<string, unknown>;

  constructor(status: number, code: string, title: string, detail: string, members: Record<string, unknown> = {}) {
    super(detail || title);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.members = members;
  }

  /** The offending fields of a validation problem, if any. */
  get fieldErrors(): FieldProblem[] {
    const errors = this.members.errors;
    return Array.isArray(errors) ? (errors as FieldProblem[]) : [];
  }

  /** Whether an upgrade window refused the change (423 instance-locked). */
  get isLocked(): boolean {
    return this.status === 423;
  }
}

export const REQUESTED_WITH = 'cloudmq-console';

let unauthorizedListener: () => void = () => undefined;

/** Called when the API answers 401 outside sign-in, e.g. once the session expired or its key was revoked. */
export function onUnauthorized(listener: () => void): void {
  unauthorizedListener = listener;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Calls the REST API; resolves with the JSON body (undefined for 204) or rejects with an {@link ApiProblem}.
 * `extraHeaders` are sent as well, e.g. an Idempotency-Key.
 */
export async function apiRequest<T>(
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    Accept: 'application/json',
    'X-Requested-With': REQUESTED_WITH,
  };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiProblem(0, 'network', 'Cannot reach the control plane', String(error));
  }
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/v1/sessions') {
      unauthorizedListener();
    }
    throw await toProblem(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  return (await response.json()) as T;
}

async function toProblem(response: Response): Promise<ApiProblem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const members = (await response.json()) as Record<string, unknown>;
      return new ApiProblem(
        response.status,
        typeof members.code === 'string' ? members.code : `http-${response.status}`,
        typeof members.title === 'string' ? members.title : response.statusText,
        typeof members.detail === 'string' ? members.detail : '',
        members,
      );
    } catch {
      // not JSON after all: fall through to the generic problem
    }
  }
  return new ApiProblem(response.status, `http-${response.status}`, response.statusText || 'Request failed', '');
}

/** A list page as the API answers it. */
export interface Page<T> {
  items: T[];
  nextPageToken: string | null;
}

/** Largest page the API serves. */
export const MAX_PAGE_SIZE = 100;

/** Appends `pageSize` (the largest) and, when given, `pageToken` to a list path. */
export function pagePath(path: string, pageToken: string | null = null): string {
  const separator = path.includes('?') ? '&' : '?';
  const token = pageToken === null ? '' : `&pageToken=${encodeURIComponent(pageToken)}`;
  return `${path}${separator}pageSize=${MAX_PAGE_SIZE}${token}`;
}

/** Every item of a cursor-paginated list, following `nextPageToken` until the last page. */
export async function allPages<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let token: string | null = null;
  do {
    const page: Page<T> = await apiRequest('GET', pagePath(path, token));
    items.push(...page.items);
    token = page.nextPageToken;
  } while (token !== null);
  return items;
}

/** Encodes one path segment. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
