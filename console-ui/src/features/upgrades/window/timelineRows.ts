import { NodeUpgradeProgressView, UpgradeNodePhase } from '../../../api/upgradeProgress';
import { NodeUpgradeReport } from '../../../api/upgradeReport';

/** One node's bar of the upgrade timeline; instants in epoch milliseconds. */
export interface TimelineRow {
  node: string;
  start: number;
  /** The step's end, or `now` while it runs. */
  end: number;
  running: boolean;
  phase: UpgradeNodePhase | null;
  writeFencedMillis: number | null;
  unavailableMillis: number | null;
}

function parse(at: string | null | undefined): number | null {
  return at === null || at === undefined ? null : Date.parse(at);
}

function row(node: string, progress: NodeUpgradeProgressView | undefined, report: NodeUpgradeReport | undefined,
  now: number): TimelineRow | null {
  const start = parse(progress?.startedAt) ?? parse(report?.stepStartedAt);
  if (start === null) {
    return null;
  }
  const stepMillis = report?.stepMillis ?? null;
  const measured = stepMillis === null ? null : start + stepMillis;
  const finished = parse(progress?.finishedAt) ?? parse(report?.stepFinishedAt) ?? measured;
  return {
    node,
    start,
    end: finished ?? Math.max(now, start),
    running: finished === null,
    phase: progress?.phase ?? null,
    writeFencedMillis: report?.writeFencedMillis ?? null,
    unavailableMillis: report?.unavailableMillis ?? null,
  };
}

/**
 * The timeline's rows: the nodes of the progress in the order the window touched them (their bars from its
 * instants), then any node only the report knows; the report adds the write-fenced and unavailable times.
 * A node without a known start has no bar.
 */
export function timelineRows(progress: NodeUpgradeProgressView[], report: NodeUpgradeReport[], now: number):
  TimelineRow[] {
  const reported = new Map(report.map((entry) => [entry.node, entry]));
  const names = [...progress.map((entry) => entry.nodeId),
    ...report.map((entry) => entry.node).filter((node) => !progress.some((entry) => entry.nodeId === node))];
  return names
    .map((node) => row(node, progress.find((entry) => entry.nodeId === node), reported.get(node), now))
    .filter((entry): entry is TimelineRow => entry !== null);
}
