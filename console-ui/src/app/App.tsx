import { useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { onUnauthorized } from '../api/http';
import { currentSession, SessionView, signOut } from '../api/session';
import { AuditPage } from '../features/audit/AuditPage';
import { ConsumerGroupDetailPage } from '../features/consumer-groups/ConsumerGroupDetailPage';
import { ConsumerGroupsPage } from '../features/consumer-groups/ConsumerGroupsPage';
import { CredentialsPage } from '../features/credentials/CredentialsPage';
import { InstanceLayout } from '../features/instances/InstanceLayout';
import { InstanceListPage } from '../features/instances/InstanceListPage';
import { InstanceOverviewPage } from '../features/instances/InstanceOverviewPage';
import { MessagesPage } from '../features/messages/MessagesPage';
import { NodesPage } from '../features/nodes/NodesPage';
import { TopicDetailPage } from '../features/topics/TopicDetailPage';
import { TopicsPage } from '../features/topics/TopicsPage';
import { UpgradeWindowsPage } from '../features/upgrades/UpgradeWindowsPage';
import { UpgradeWindowPage } from '../features/upgrades/window/UpgradeWindowPage';
import { Layout } from './Layout';
import { SessionContext } from './session';
import { SignInPage } from './SignInPage';

type SessionState = { kind: 'checking' } | { kind: 'signed-out' } | { kind: 'signed-in'; session: SessionView };

/**
 * Asks the server whether the session cookie is valid, then shows either the sign-in page or the console;
 * any later 401 (expired session, revoked key) returns to the sign-in page.
 */
export function App() {
  const [state, setState] = useState<SessionState>({ kind: 'checking' });
  useEffect(() => {
    onUnauthorized(() => setState({ kind: 'signed-out' }));
    currentSession().then(
      (session) => setState({ kind: 'signed-in', session }),
      () => setState({ kind: 'signed-out' }),
    );
  }, []);

  if (state.kind === 'checking') {
    return null;
  }
  if (state.kind === 'signed-out') {
    return <SignInPage onSignedIn={(session) => setState({ kind: 'signed-in', session })} />;
  }
  const leave = () => signOut().finally(() => setState({ kind: 'signed-out' }));
  return (
    <SessionContext.Provider value={state.session}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout session={state.session} onSignOut={leave} />}>
            <Route index element={<Navigate to="/instances" replace />} />
            <Route path="instances" element={<InstanceListPage />} />
            <Route path="instances/:instanceId" element={<InstanceLayout />}>
              <Route index element={<InstanceOverviewPage />} />
              <Route path="topics" element={<TopicsPage />} />
              <Route path="topics/:topic" element={<TopicDetailPage />} />
              <Route path="consumer-groups" element={<ConsumerGroupsPage />} />
              <Route path="consumer-groups/:group" element={<ConsumerGroupDetailPage />} />
              <Route path="messages" element={<MessagesPage />} />
              <Route path="credentials" element={<CredentialsPage />} />
            </Route>
            <Route path="nodes" element={<NodesPage />} />
            <Route path="upgrade-windows" element={<UpgradeWindowsPage />} />
            <Route path="upgrade-windows/:windowId" element={<UpgradeWindowPage />} />
            <Route path="audit-events" element={<AuditPage />} />
            <Route path="*" element={<p>No such page.</p>} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionContext.Provider>
  );
}
