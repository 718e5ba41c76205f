import { vi } from 'vitest';

/** An answer of the stubbed API: a JSON body, or problem+json when the status is not 2xx. */
export interface StubAnswer {
  status: number;
  body?: unknown;
}

export type StubHandler = (method: string, path: string, body: unknown) => StubAnswer;

/** Replaces fetch with `handler`; returns the mock to inspect the calls. Undo with vi.unstubAllGlobals(). */
export function stubApi(handler: StubHandler) {
  const fetchMock = vi.fn(async (path: string, init: RequestInit) => {
    const request = init.body ? JSON.parse(String(init.body)) : undefined;
    const { status, body } = handler(init.method ?? 'GET', path, request);
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    const text = body === undefined ? null : JSON.stringify(body);
    return new Response(text, { status, headers: { 'Content-Type': type } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function problem(status: number, code: string, title: string, detail: string): StubAnswer {
  return { status, body: { type: 'about:blank', status, code, title, detail } };
}
