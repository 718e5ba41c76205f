import { NavLink, Outlet, useParams } from 'react-router-dom';
import { getInstance } from '../../api/instances';
import { useRoleReason } from '../../app/session';
import { useResource } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { UpgradeLockBanner } from '../upgrades/UpgradeLockBanner';
import { useUpgradeLock } from '../upgrades/useUpgradeLock';
import { InstanceContext } from './instanceContext';

/** Frame of the pages of one instance: its name, the upgrade-lock banner and the tabs. */
export function InstanceLayout() {
  const { instanceId = '' } = useParams();
  const instance = useResource(() => getInstance(instanceId), instanceId);
  const lock = useUpgradeLock(instance.data?.cluster);
  const roleReason = useRoleReason();
  if (instance.data === null) {
    return <ProblemMessage problem={instance.problem} />;
  }
  const context: InstanceContext = { instance: instance.data, lock, reason: lock.reason ?? roleReason };
  const base = `/instances/${instanceId}`;
  return (
    <section>
      <h1>Instance {instance.data.name}</h1>
      <UpgradeLockBanner window={lock.window} />
      <nav className="tabs">
        <NavLink to={base} end>Overview</NavLink>
        <NavLink to={`${base}/topics`}>Topics</NavLink>
        <NavLink to={`${base}/consumer-groups`}>Consumer groups</NavLink>
        <NavLink to={`${base}/messages`}>Messages</NavLink>
        <NavLink to={`${base}/credentials`}>Credentials</NavLink>
      </nav>
      <Outlet context={context} />
    </section>
  );
}
