import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import { UpgradeProgressView } from '../../../api/upgradeProgress';
import { renderRoute } from '../../../test/renderRoute';
import { problem, StubAnswer, stubApi } from '../../../test/stubApi';
import { PRE_CHECK, REPORT, WINDOW_ID, windowView } from '../../../test/upgradeData';
import { UpgradeWindowPage } from './UpgradeWindowPage';

const PAUSED: UpgradeProgressView = {
  windowId: WINDOW_ID, state: 'PAUSED', targetVersion: '0.2.0',
  pauseReason: 'PRE_CHECK_FAILED: target-runtime (node runtime 0.2.0 is not installed)',
  nodes: [{ nodeId: 'broker-a-1', phase: 'DONE', startedAt: '2026-11-22T04:00:00Z',
    phaseStartedAt: '2026-11-22T04:00:30Z', finishedAt: '2026-11-22T04:01:00Z', detail: 'in sync' }],
};
const NO_REPORT_ENDPOINT = problem(404, 'NOT_FOUND', 'Resource not found', 'The request cannot be handled');

/** A paused window until a POST aborts it. */
function stubWindow(report: StubAnswer) {
  let aborted = false;
  return stubApi((method, path) => {
    if (method === 'POST') aborted = true;
    if (path.endsWith('/progress')) {
      return { status: 200, body: aborted ? { ...PAUSED, state: 'FAILED', pauseReason: null } : PAUSED };
    }
    if (path.endsWith('/pre-check')) return { status: 200, body: PRE_CHECK };
    if (path.endsWith('/report')) return report;
    return { status: 200, body: windowView(aborted ? 'FAILED' : 'PAUSED') };
  });
}

const open = () => renderRoute(<UpgradeWindowPage />, 'upgrade-windows/:windowId', `/upgrade-windows/${WINDOW_ID}`);

afterEach(() => vi.unstubAllGlobals());

describe('UpgradeWindowPage', () => {
  it('shows the pause reason prominently, the progress per node, and the controls of a paused window', async () => {
    const fetchMock = stubWindow(NO_REPORT_ENDPOINT);
    open();
    expect(await screen.findByTestId('pause-reason')).toHaveTextContent(`Paused: ${PAUSED.pauseReason}`);
    const row = document.querySelector('tr[data-node-id="broker-a-1"]') as HTMLElement;
    expect(within(row).getByText('DONE')).toHaveClass('phase');
    expect(document.querySelector('g[data-node="broker-a-1"] rect.step')).not.toBeNull();
    expect(await screen.findByTestId('observed-producer-groups')).toHaveTextContent('MQ_INST_1/pg-orders');
    const controls = screen.getByLabelText('Window controls');
    expect(within(controls).getAllByRole('button').map((button) => button.textContent)).toEqual(['Resume', 'Abort']);

    fireEvent.click(within(controls).getByRole('button', { name: 'Abort' }));
    await waitFor(() => expect(screen.getByTestId('window-state')).toHaveTextContent('FAILED'));
    expect(screen.getByTestId('progress-state')).toHaveTextContent('FAILED');
    expect(within(controls).queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByTestId('pause-reason')).toBeNull();
    expect(fetchMock.mock.calls.filter(([, init]) => init.method === 'POST').map(([path]) => path))
      .toEqual([`/api/v1/clusters/local/upgrade-windows/${WINDOW_ID}/abort`]);
  });

  it('says clearly that the control plane serves no reports when the report request answers 404', async () => {
    stubWindow(NO_REPORT_ENDPOINT);
    open();
    expect(await screen.findByTestId('report-unavailable')).toHaveTextContent('does not serve upgrade reports');
    expect(screen.getByTestId('pause-reason')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Report' }).querySelector('[role="alert"]')).toBeNull();
  });

  it('shows the report figures: canary, per-node times, failed sends per producer group, pre-check', async () => {
    stubWindow({ status: 200, body: REPORT });
    open();
    const report = screen.getByRole('region', { name: 'Report' });
    expect(await within(report).findByTestId('report-state')).toHaveTextContent('COMPLETED');
    const figure = (name: string) => report.querySelector(`[data-figure="${name}"]`);
    expect(figure('sent')).toHaveTextContent('600');
    expect(figure('acknowledged')).toHaveTextContent('598');
    expect(figure('failedSends')).toHaveTextContent('2');
    expect(figure('duplicated')).toHaveTextContent('1');
    expect(figure('lost')).toHaveTextContent('0');
    expect(figure('p99')).toHaveTextContent('2.50 ms → 3.13 ms');
    const node = report.querySelector('tr[data-node="broker-a-0"]') as HTMLElement;
    expect(node).toHaveTextContent('0.1.0 → 0.2.0');
    expect(node.querySelector('.step')).toHaveTextContent('60.00 s');
    expect(node.querySelector('.unavailable')).toHaveTextContent('420 ms');
    expect(node.querySelector('.write-fenced')).toHaveTextContent('3.10 s');
    expect(report.querySelector('tr[data-producer-group="MQ_INST_1/pg-orders"] .failed-sends')).toHaveTextContent('0');
    expect(within(report).getByTestId('pre-check-verdict')).toHaveTextContent('Go');
    expect(screen.queryByTestId('report-unavailable')).toBeNull();
  });

  it('shows an unknown window as the problem the server answered, not as a missing report endpoint', async () => {
    stubApi(() => ({ ...problem(404, 'NOT_FOUND', 'Resource not found', `upgrade window ${WINDOW_ID} does not exist`),
      body: { status: 404, code: 'NOT_FOUND', title: 'Resource not found', resource: 'upgrade window',
        detail: `upgrade window ${WINDOW_ID} does not exist` } }));
    open();
    const report = screen.getByRole('region', { name: 'Report' });
    expect(await within(report).findByRole('alert')).toHaveTextContent('does not exist');
    expect(screen.queryByTestId('report-unavailable')).toBeNull();
  });
});
