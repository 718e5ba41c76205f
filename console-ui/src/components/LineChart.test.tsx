import { render, screen } from '@testing-library/react';
import { MetricPoint } from '../api/metrics';
import { LineChart, niceMax } from './LineChart';

const lines = [
  { metric: 'sendTps', label: 'Send/s', color: '#2563eb' },
  { metric: 'receiveTps', label: 'Receive/s', color: '#16a34a' },
];

const points: MetricPoint[] = [
  { at: '2026-11-22T04:00:00Z', values: { sendTps: 0, receiveTps: 0 } },
  { at: '2026-11-22T04:00:10Z', values: { sendTps: 4, receiveTps: 1 } },
  { at: '2026-11-22T04:00:20Z', values: { sendTps: 8, receiveTps: 2.5 } },
];

describe('LineChart', () => {
  it('draws one marker per sample and line, carrying its value, on a y axis up to a round maximum', () => {
    const { container } = render(<LineChart title="Rates" points={points} lines={lines} />);
    const send = [...container.querySelectorAll('g[data-metric="sendTps"] circle')];
    const receive = [...container.querySelectorAll('g[data-metric="receiveTps"] circle')];
    expect(send.map((c) => c.getAttribute('data-value'))).toEqual(['0', '4', '8']);
    expect(receive.map((c) => c.getAttribute('data-value'))).toEqual(['0', '1', '2.5']);
    expect(screen.getByRole('img', { name: 'Rates' })).toHaveTextContent('10');
  });

  it('places samples left to right by time and higher values higher up', () => {
    const { container } = render(<LineChart title="Rates" points={points} lines={lines} />);
    const send = [...container.querySelectorAll('g[data-metric="sendTps"] circle')];
    const xs = send.map((c) => Number(c.getAttribute('cx')));
    const ys = send.map((c) => Number(c.getAttribute('cy')));
    expect(xs[0]).toBeLessThan(xs[1]);
    expect(xs[1]).toBeLessThan(xs[2]);
    expect(ys[0]).toBeGreaterThan(ys[1]);
    expect(ys[1]).toBeGreaterThan(ys[2]);
    const polyline = container.querySelector('g[data-metric="sendTps"] polyline');
    expect(polyline?.getAttribute('points')?.split(' ')).toHaveLength(3);
  });

  it('says so when there are no samples yet', () => {
    render(<LineChart title="Lag" points={[]} lines={lines} />);
    expect(screen.getByRole('figure', { name: 'Lag' })).toHaveTextContent('No samples yet');
  });

  it('rounds the axis maximum up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(8)).toBe(10);
    expect(niceMax(12)).toBe(20);
    expect(niceMax(0.3)).toBe(0.5);
    expect(niceMax(0)).toBe(1);
  });
});
