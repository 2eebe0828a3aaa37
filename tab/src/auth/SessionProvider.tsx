import { createContext, useContext, type ReactNode } from 'react';
import type { Me } from '../api/api-types';
import type { HostInfo } from '../host/host-context';

/** The signed-in person, where the tab runs, and how to sign out (demo only). */
export interface Session {
  me: Me;
  host: HostInfo;
  demo: boolean;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

/** Gives the pages the session. */
export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The session; only inside SessionProvider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
