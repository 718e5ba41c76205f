import { NavLink, Outlet } from 'react-router-dom';
import { SessionView } from '../api/session';

/** Header with the main navigation and the signed-in key; pages render below it. */
export function Layout({ session, onSignOut }: { session: SessionView; onSignOut: () => void }) {
  return (
    <>
      <header>
        <span className="brand">CloudMQ</span>
        <nav>
          <NavLink to="/instances">Instances</NavLink>
          <NavLink to="/nodes">Nodes</NavLink>
          <NavLink to="/upgrade-windows">Upgrade windows</NavLink>
          <NavLink to="/audit-events">Audit events</NavLink>
        </nav>
        <span className="who">
          {session.keyId} ({session.role})
          <button onClick={onSignOut}>Sign out</button>
        </span>
      </header>
      <main>
        <Outlet />
      </main>
    </>
  );
}
