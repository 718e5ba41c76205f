import { apiRequest } from './http';

export type Role = 'admin' | 'read-only';

/** The signed-in caller, as GET /api/v1/sessions/current answers. */
export interface SessionView {
  keyId: string;
  role: Role;
  expiresAt: string;
}

/** Exchanges an API key for the httpOnly session cookie; the key is not kept anywhere in the browser. */
export function signIn(apiKey: string): Promise<SessionView> {
  return apiRequest('POST', '/api/v1/sessions', { apiKey });
}

export function currentSession(): Promise<SessionView> {
  return apiRequest('GET', '/api/v1/sessions/current');
}

export function signOut(): Promise<void> {
  return apiRequest('DELETE', '/api/v1/sessions/current');
}
