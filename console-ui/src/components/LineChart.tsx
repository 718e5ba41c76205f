import { MetricPoint } from '../api/metrics';

/** One line of a chart: the metric it draws from each point's `values`, its legend label and colour. */
export interface ChartLine {
  metric: string;
  label: string;
  color: string;
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** The smallest of 1, 2, 5 × 10ⁿ that is at least `value`, so the axis ends on a round number. */
export function niceMax(value: number): number {
  if (value <= 0) {
    return 1;
  }
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value))!;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function formatTime(at: string): string {
  return new Date(at).toLocaleTimeString();
}

/**
 * A dependency-free SVG line chart of metric samples over time: x = sample time, y = 0…a round maximum,
 * one polyline and one marker (with its value as tooltip) per sample and line.
 */
export function LineChart({ title, points, lines }: { title: string; points: MetricPoint[]; lines: ChartLine[] }) {
  if (points.length === 0) {
    return (
      <figure className="chart" aria-label={title}>
        <figcaption>{title}</figcaption>
        <p className="empty">No samples yet (the control plane scrapes the nodes every 10 s).</p>
      </figure>
    );
  }
  const times = points.map((point) => Date.parse(point.at));
  const first = Math.min(...times);
  const span = Math.max(...times) - first || 1;
  const yMax = niceMax(Math.max(...points.flatMap((point) => lines.map((line) => point.values[line.metric] ?? 0))));
  const x = (at: number) => PAD.left + (points.length === 1 ? PLOT_W / 2 : ((at - first) / span) * PLOT_W);
  const y = (value: number) => PAD.top + PLOT_H - (value / yMax) * PLOT_H;

  return (
    <figure className="chart" aria-label={title}>
      <figcaption>
        {title}
        {lines.map((line) => (
          <span key={line.metric} className="legend" style={{ color: line.color }}>■ {line.label}</span>
        ))}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <line className="axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + PLOT_H} stroke="#8a93a6" />
        <line className="axis" x1={PAD.left} y1={PAD.top + PLOT_H} x2={WIDTH - PAD.right} y2={PAD.top + PLOT_H}
          stroke="#8a93a6" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11">{formatNumber(yMax)}</text>
        <text x={PAD.left - 6} y={PAD.top + PLOT_H} textAnchor="end" fontSize="11">0</text>
        <text x={PAD.left} y={HEIGHT - 8} fontSize="11">{formatTime(points[0].at)}</text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" fontSize="11">
          {formatTime(points[points.length - 1].at)}
        </text>
        {lines.map((line) => {
          const coordinates = points.map((point, index) => ({
            at: point.at,
            value: point.values[line.metric] ?? 0,
            cx: x(times[index]),
          }));
          return (
            <g key={line.metric} data-metric={line.metric}>
              <polyline fill="none" stroke={line.color} strokeWidth="2"
                points={coordinates.map((c) => `${c.cx.toFixed(1)},${y(c.value).toFixed(1)}`).join(' ')} />
              {coordinates.map((c) => (
                <circle key={c.at} cx={c.cx.toFixed(1)} cy={y(c.value).toFixed(1)} r="3" fill={line.color}
                  data-at={c.at} data-value={c.value}>
                  <title>{`${line.label} ${formatNumber(c.value)} at ${c.at}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
