import { render, screen } from '@testing-library/react';
import { NodeUpgradeProgressView } from '../../../api/upgradeProgress';
import { NodeUpgradeReport } from '../../../api/upgradeReport';
import { timelineRows } from './timelineRows';
import { UpgradeTimeline } from './UpgradeTimeline';

const T0 = Date.parse('2026-11-22T04:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function progress(nodeId: string, start: number, finish: number | null): NodeUpgradeProgressView {
  return { nodeId, phase: finish === null ? 'RESTARTED' : 'DONE', startedAt: at(start), phaseStartedAt: at(start),
    finishedAt: finish === null ? null : at(finish), detail: '' };
}

function reported(node: string, fencedMillis: number | null, unavailableMillis: number | null): NodeUpgradeReport {
  return { node, brokerName: 'broker-a', fromVersion: '0.1.0', toVersion: '0.2.0', stepStartedAt: null,
    stepFinishedAt: null, stepMillis: null, unavailableMillis, writeFencedMillis: fencedMillis };
}

const bar = (node: string, part: string) =>
  document.querySelector(`g[data-node="${node}"] rect.${part}`) as SVGRectElement | null;
const num = (element: Element | null, attribute: string) => Number(element?.getAttribute(attribute));

describe('UpgradeTimeline', () => {
  it('draws one bar per node from its step start to finish, in the order the window touched them', () => {
    const rows = timelineRows([progress('broker-a-1', 0, 20), progress('broker-a-0', 20, 100)], [], T0 + 200_000);
    render(<UpgradeTimeline rows={rows} />);
    const nodes = [...document.querySelectorAll('g[data-node]')].map((g) => g.getAttribute('data-node'));
    expect(nodes).toEqual(['broker-a-1', 'broker-a-0']);
    const slave = bar('broker-a-1', 'step');
    const master = bar('broker-a-0', 'step');
    expect(slave?.getAttribute('data-start')).toBe(String(T0));
    expect(slave?.getAttribute('data-end')).toBe(String(T0 + 20_000));
    expect(num(slave, 'x') + num(slave, 'width')).toBeCloseTo(num(master, 'x'), 0);
    expect(num(master, 'width')).toBeCloseTo(num(slave, 'width') * 4, 0);
    expect(document.querySelector('g[data-node="broker-a-0"]')).toHaveTextContent('broker-a-080.00 s');
  });

  it('marks the write-fenced part from the step start and the unavailable part right after it', () => {
    const rows = timelineRows([progress('broker-a-0', 0, 100)], [reported('broker-a-0', 40_000, 10_000)], T0);
    render(<UpgradeTimeline rows={rows} />);
    const step = bar('broker-a-0', 'step');
    const fenced = bar('broker-a-0', 'fenced');
    const unavailable = bar('broker-a-0', 'unavailable');
    expect(fenced?.getAttribute('data-millis')).toBe('40000');
    expect(unavailable?.getAttribute('data-millis')).toBe('10000');
    expect(num(fenced, 'x')).toBeCloseTo(num(step, 'x'), 0);
    expect(num(fenced, 'width')).toBeCloseTo(num(step, 'width') * 0.4, 0);
    expect(num(unavailable, 'x')).toBeCloseTo(num(fenced, 'x') + num(fenced, 'width'), 0);
    expect(num(unavailable, 'width')).toBeCloseTo(num(step, 'width') * 0.1, 0);
  });

  it('draws a running step up to now and leaves out parts the report does not know', () => {
    const now = T0 + 30_000;
    const rows = timelineRows([progress('broker-b-1', 0, null)], [reported('broker-b-1', null, null)], now);
    render(<UpgradeTimeline rows={rows} />);
    expect(bar('broker-b-1', 'step')?.getAttribute('data-end')).toBe(String(now));
    expect(document.querySelector('g[data-node="broker-b-1"]')).toHaveAttribute('data-running', 'true');
    expect(bar('broker-b-1', 'fenced')).toBeNull();
    expect(bar('broker-b-1', 'unavailable')).toBeNull();
  });

  it('says so when no node was touched', () => {
    render(<UpgradeTimeline rows={[]} />);
    expect(screen.getByRole('figure', { name: 'Upgrade timeline per node' })).toHaveTextContent('No node');
  });
});

describe('timelineRows', () => {
  it('adds nodes only the report knows, ending them after their measured step', () => {
    const onlyReported = { ...reported('namesrv-0', null, 500), stepStartedAt: at(50), stepMillis: 7000 };
    const rows = timelineRows([progress('broker-a-0', 0, 40)], [onlyReported], T0 + 999_000);
    expect(rows.map((row) => [row.node, row.start - T0, row.end - T0, row.running])).toEqual([
      ['broker-a-0', 0, 40_000, false],
      ['namesrv-0', 50_000, 57_000, false],
    ]);
    expect(rows[1].unavailableMillis).toBe(500);
  });

  it('clips the marked parts to the bar', () => {
    const rows = timelineRows([progress('broker-a-0', 0, 10)], [reported('broker-a-0', 8000, 5000)], T0);
    render(<UpgradeTimeline rows={rows} />);
    expect(bar('broker-a-0', 'unavailable')?.getAttribute('data-millis')).toBe('2000');
  });
});
