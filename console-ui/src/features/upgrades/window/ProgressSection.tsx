import { UpgradeProgressView } from '../../../api/upgradeProgress';
import { Time } from '../../../components/Time';

/** The window's live state: why it is paused (prominently), and each touched node's last phase. */
export function ProgressSection({ progress }: { progress: UpgradeProgressView }) {
  return (
    <section aria-label="Progress">
      <h2>Progress</h2>
      <p>
        State: <strong data-testid="progress-state">{progress.state}</strong>, target version{' '}
        {progress.targetVersion}
      </p>
      {progress.pauseReason !== null && (
        <div className="banner paused" data-testid="pause-reason">
          <strong>Paused:</strong> {progress.pauseReason}
        </div>
      )}
      {progress.nodes.length > 0 && (
        <table aria-label="Progress per node">
          <thead>
            <tr>
              <th>Node</th>
              <th>Phase</th>
              <th>Started</th>
              <th>In phase since</th>
              <th>Finished</th>
              <th>Detail</th>
            </tr>
          </thead>
          <tbody>
            {progress.nodes.map((node) => (
              <tr key={node.nodeId} data-node-id={node.nodeId}>
                <td>{node.nodeId}</td>
                <td className="phase">{node.phase}</td>
                <td><Time value={node.startedAt} /></td>
                <td><Time value={node.phaseStartedAt} /></td>
                <td><Time value={node.finishedAt} /></td>
                <td>{node.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
