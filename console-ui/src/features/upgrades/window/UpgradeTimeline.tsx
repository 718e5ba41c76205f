import { formatMillis } from '../../../components/format';
import { TimelineRow } from './timelineRows';

const WIDTH = 640;
const LABEL = 110;
const RIGHT = 70;
const ROW = 26;
const BAR = 14;
const TOP = 8;
const AXIS = 24;
const PLOT_W = WIDTH - LABEL - RIGHT;

/** Where the write-fenced and the unavailable part of a step lie on its bar, clipped to the bar. */
function stepParts(row: TimelineRow) {
  const fenced = Math.min(row.writeFencedMillis ?? 0, row.end - row.start);
  const unavailableStart = row.start + fenced;
  const unavailable = Math.min(row.unavailableMillis ?? 0, row.end - unavailableStart);
  return { fenced, unavailableStart, unavailable };
}

function describe(row: TimelineRow): string {
  const phase = row.phase === null ? '' : `, last phase ${row.phase}`;
  const state = row.running ? 'running' : `took ${formatMillis(row.end - row.start)}`;
  return `${row.node}: ${state}${phase}; write-fenced ${formatMillis(row.writeFencedMillis)}, `
    + `unavailable ${formatMillis(row.unavailableMillis)}`;
}

/**
 * The upgrade timeline as an SVG: one row per node, a bar from its step's start to its end (to now while it
 * runs), on it the write-fenced part (a master's step begins with its fence and ends it at drain end) and then
 * the unavailable part (from the last request served before the node stopped to the first after its restart).
 * The report gives those two as durations, so they are placed where they happen in a step, not measured
 * instants.
 */
export function UpgradeTimeline({ rows }: { rows: TimelineRow[] }) {
  const title = 'Upgrade timeline per node';
  if (rows.length === 0) {
    return (
      <figure className="chart" aria-label={title}>
        <figcaption>{title}</figcaption>
        <p className="empty">No node has been touched yet.</p>
      </figure>
    );
  }
  const first = Math.min(...rows.map((row) => row.start));
  const last = Math.max(...rows.map((row) => row.end));
  const span = last - first || 1;
  const x = (at: number) => LABEL + ((at - first) / span) * PLOT_W;
  const w = (millis: number) => Math.max((millis / span) * PLOT_W, 0);
  const height = TOP + rows.length * ROW + AXIS;
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>
        {title}
        <span className="legend" style={{ color: '#2563eb' }}>■ step</span>
        <span className="legend" style={{ color: '#e0a030' }}>■ write-fenced</span>
        <span className="legend" style={{ color: '#dc2626' }}>■ unavailable</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        {rows.map((row, index) => {
          const y = TOP + index * ROW;
          const { fenced, unavailableStart, unavailable } = stepParts(row);
          return (
            <g key={row.node} data-node={row.node} data-running={row.running}>
              <title>{describe(row)}</title>
              <text x={LABEL - 6} y={y + BAR - 2} textAnchor="end" fontSize="11">{row.node}</text>
              <rect className="step" x={x(row.start).toFixed(1)} y={y}
                width={Math.max(w(row.end - row.start), 1).toFixed(1)} height={BAR}
                fill={row.running ? '#93c5fd' : '#2563eb'} data-start={row.start} data-end={row.end} />
              {fenced > 0 && (
                <rect className="fenced" x={x(row.start).toFixed(1)} y={y + 3} width={w(fenced).toFixed(1)}
                  height={BAR - 6} fill="#e0a030" data-millis={fenced} />
              )}
              {unavailable > 0 && (
                <rect className="unavailable" x={x(unavailableStart).toFixed(1)} y={y} width={w(unavailable).toFixed(1)}
                  height={BAR} fill="#dc2626" data-millis={unavailable} />
              )}
              <text x={WIDTH - RIGHT + 6} y={y + BAR - 2} fontSize="11">
                {row.running ? 'running' : formatMillis(row.end - row.start)}
              </text>
            </g>
          );
        })}
        <line className="axis" x1={LABEL} y1={height - AXIS + 4} x2={LABEL + PLOT_W} y2={height - AXIS + 4}
          stroke="#8a93a6" />
        <text x={LABEL} y={height - 6} fontSize="11">{new Date(first).toLocaleTimeString()}</text>
        <text x={LABEL + PLOT_W} y={height - 6} textAnchor="end" fontSize="11">
          {new Date(last).toLocaleTimeString()}
        </text>
      </svg>
    </figure>
  );
}
