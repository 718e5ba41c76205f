import { UpgradeReportView } from '../../../api/upgradeReport';
import { formatMillis } from '../../../components/format';
import { Time } from '../../../components/Time';
import { CanaryFigures } from './CanaryFigures';
import { PreCheckResult } from './PreCheckResult';

/** The window's report: canary, per-node times, failed sends per observed producer group, pre-check. */
export function UpgradeReport({ report }: { report: UpgradeReportView }) {
  return (
    <div className="report" data-state={report.state}>
      <dl className="facts">
        <dt>State</dt>
        <dd data-testid="report-state">{report.state}</dd>
        <dt>Started</dt>
        <dd><Time value={report.startedAt} /></dd>
        <dt>Finished</dt>
        <dd><Time value={report.finishedAt} /></dd>
        {report.pauseReason !== null && (
          <>
            <dt>Pause reason</dt>
            <dd>{report.pauseReason}</dd>
          </>
        )}
      </dl>
      <h3>Canary</h3>
      <CanaryFigures canary={report.canary} />
      <h3>Nodes</h3>
      {report.nodes.length === 0 ? <p className="empty">No node has been touched yet.</p> : (
        <table aria-label="Report per node">
          <thead>
            <tr>
              <th>Node</th>
              <th>Broker group</th>
              <th>Version</th>
              <th>Step started</th>
              <th>Step</th>
              <th>Unavailable</th>
              <th>Write-fenced</th>
            </tr>
          </thead>
          <tbody>
            {report.nodes.map((node) => (
              <tr key={node.node} data-node={node.node}>
                <td>{node.node}</td>
                <td>{node.brokerName ?? '–'}</td>
                <td>{node.fromVersion ?? '–'} → {node.toVersion ?? '–'}</td>
                <td><Time value={node.stepStartedAt} /></td>
                <td className="step">{formatMillis(node.stepMillis)}</td>
                <td className="unavailable">{formatMillis(node.unavailableMillis)}</td>
                <td className="write-fenced">{formatMillis(node.writeFencedMillis)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Observed producer groups</h3>
      {report.producerGroups.length === 0 ? <p className="empty">No producer group was observed.</p> : (
        <table aria-label="Failed sends per producer group">
          <thead>
            <tr>
              <th>Instance</th>
              <th>Producer group</th>
              <th>Failed sends</th>
            </tr>
          </thead>
          <tbody>
            {report.producerGroups.map((group) => (
              <tr key={`${group.instanceId}/${group.producerGroup}`}
                data-producer-group={`${group.instanceId}/${group.producerGroup}`}>
                <td><code>{group.instanceId}</code></td>
                <td>{group.producerGroup}</td>
                <td className="failed-sends">{group.failedSends}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Reported pre-check</h3>
      {report.preCheck === null
        ? <p className="empty">No pre-check ran.</p>
        : <PreCheckResult check={report.preCheck} />}
    </div>
  );
}
