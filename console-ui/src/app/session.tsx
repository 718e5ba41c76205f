import { createContext, useContext } from 'react';
import { SessionView } from '../api/session';

/** The signed-in caller; the server stays the authority, the UI only disables what the role cannot do. */
export const SessionContext = createContext<SessionView | null>(null);

/** Why the caller cannot change anything, or null when the role allows changes. */
export function useRoleReason(): string | null {
  const session = useContext(SessionContext);
  return session?.role === 'read-only' ? 'Signed in with a read-only API key' : null;
}
