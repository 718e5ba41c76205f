import { listUpgradeWindows } from '../../api/upgrades';
import { useCluster } from '../../app/useCluster';
import { useResource } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ScheduleWindowForm } from './ScheduleWindowForm';
import { UpgradeCalendar } from './UpgradeCalendar';
import { UpgradeWindowRow } from './UpgradeWindowRow';

/** The upgrade windows of a cluster: list (every page) and calendar, schedule, reschedule, start now, cancel, abort. */
export function UpgradeWindowsPage() {
  const cluster = useCluster();
  const windows = useResource(() => listUpgradeWindows(cluster), cluster);
  return (
    <section>
      <h1>Upgrade windows of cluster {cluster}</h1>
      <ScheduleWindowForm cluster={cluster} onScheduled={windows.reload} />
      <ProblemMessage problem={windows.problem} />
      <UpgradeCalendar windows={windows.data ?? []} />
      <table>
        <thead>
          <tr>
            <th>Window</th>
            <th>State</th>
            <th>Starts</th>
            <th>Ends</th>
            <th>Target version</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {windows.data?.map((window) => (
            <UpgradeWindowRow key={window.id} window={window} onChanged={windows.reload} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
