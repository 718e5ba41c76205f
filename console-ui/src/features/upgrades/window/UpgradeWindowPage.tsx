import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { getUpgradeProgress } from '../../../api/upgradeProgress';
import { getUpgradeReport } from '../../../api/upgradeReport';
import { getUpgradeWindow, isTerminal } from '../../../api/upgrades';
import { useCluster } from '../../../app/useCluster';
import { useInterval, useResource } from '../../../app/useResource';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { Time } from '../../../components/Time';
import { WindowActions } from '../WindowActions';
import { PreCheckSection } from './PreCheckSection';
import { ProgressSection } from './ProgressSection';
import { ReportSection } from './ReportSection';
import { timelineRows } from './timelineRows';
import { UpgradeTimeline } from './UpgradeTimeline';

/** How often the progress of a window that has not ended is read again. */
const POLL_MS = 2000;
/** How often its report is read again (the canary figures change slowly; the report is the costlier read). */
const REPORT_POLL_MS = 10_000;

/**
 * One upgrade window: its controls, live progress (polled until the window ends), the timeline per node,
 * the stored pre-check with a button to run it, and the report.
 */
export function UpgradeWindowPage() {
  const cluster = useCluster();
  const { windowId = '' } = useParams();
  const key = `${cluster}/${windowId}`;
  const window = useResource(() => getUpgradeWindow(cluster, windowId), key);
  const progress = useResource(() => getUpgradeProgress(cluster, windowId), key);
  const report = useResource(() => getUpgradeReport(cluster, windowId), key);
  const state = progress.data?.state ?? window.data?.state;
  const running = state !== undefined && !isTerminal(state);
  useInterval(progress.reload, POLL_MS, running);
  useInterval(report.reload, REPORT_POLL_MS, running && report.data !== null);
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    setNow(Date.now());
    if (window.data !== null && state !== undefined && state !== window.data.state) {
      window.reload();
      report.reload();
    }
  }, [progress.data]);

  const reloadAll = () => {
    window.reload();
    progress.reload();
    report.reload();
  };
  const groups = window.data?.observedProducerGroups ?? [];
  return (
    <section>
      <h1>
        <Link to={`/upgrade-windows?cluster=${encodeURIComponent(cluster)}`}>Upgrade windows</Link> / {windowId}
      </h1>
      <ProblemMessage problem={window.problem} />
      {window.data !== null && (
        <>
          <dl className="facts">
            <dt>State</dt>
            <dd data-testid="window-state">{window.data.state}</dd>
            <dt>Target version</dt>
            <dd>{window.data.targetVersion}</dd>
            <dt>Window</dt>
            <dd><Time value={window.data.startsAt} /> – <Time value={window.data.endsAt} /></dd>
            <dt>Started / finished</dt>
            <dd><Time value={window.data.startedAt} /> / <Time value={window.data.finishedAt} /></dd>
            <dt>Observed producer groups</dt>
            <dd data-testid="observed-producer-groups">
              {groups.length === 0
                ? 'none'
                : groups.map((group) => `${group.instanceId}/${group.producerGroup}`).join(', ')}
            </dd>
          </dl>
          <div className="actions" aria-label="Window controls">
            <WindowActions window={{ ...window.data, state: state ?? window.data.state }} onChanged={reloadAll} />
          </div>
        </>
      )}
      <ProblemMessage problem={progress.problem} />
      {progress.data !== null && <ProgressSection progress={progress.data} />}
      {progress.data !== null && (
        <UpgradeTimeline rows={timelineRows(progress.data.nodes, report.data?.nodes ?? [], now)} />
      )}
      {state !== undefined && (
        <PreCheckSection cluster={cluster} windowId={windowId} stateKey={state} ended={isTerminal(state)} />
      )}
      <ReportSection report={report} />
    </section>
  );
}
