import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import { problem, stubApi } from '../../../test/stubApi';
import { PRE_CHECK, WINDOW_ID } from '../../../test/upgradeData';
import { PreCheckSection } from './PreCheckSection';

const NONE_RAN = {
  status: 404,
  body: { status: 404, code: 'NOT_FOUND', title: 'Resource not found', resource: 'pre-check of upgrade window',
    detail: `pre-check of upgrade window ${WINDOW_ID} does not exist` },
};
const path = `/api/v1/clusters/local/upgrade-windows/${WINDOW_ID}/pre-check`;

function section(ended = false) {
  render(<PreCheckSection cluster="local" windowId={WINDOW_ID} stateKey="SCHEDULED" ended={ended} />);
  return screen.getByRole('region', { name: 'Pre-check' });
}

afterEach(() => vi.unstubAllGlobals());

describe('PreCheckSection', () => {
  it('says none ran yet, then runs one by the button: go/no-go, each condition\'s reason, the locks', async () => {
    const fetchMock = stubApi((method) => (method === 'GET' ? NONE_RAN : { status: 200, body: PRE_CHECK }));
    const region = section();
    expect(await within(region).findByText('No pre-check has run for this window yet.')).toBeInTheDocument();

    fireEvent.click(within(region).getByRole('button', { name: 'Run pre-check' }));
    expect(await within(region).findByTestId('pre-check-verdict')).toHaveTextContent('No go');
    const failed = region.querySelector('tr[data-check="target-runtime"]') as HTMLElement;
    expect(within(failed).getByText('failed')).toHaveClass('down');
    expect(failed.querySelector('.detail')).toHaveTextContent('node runtime 0.2.0 is not installed');
    const passed = region.querySelector('tr[data-check="nodes-up"]') as HTMLElement;
    expect(within(passed).getByText('passed')).toHaveClass('up');
    expect(within(region).getByRole('list', { name: 'Locked operations' }).textContent)
      .toBe('create, change or delete topicsreset consumer offsets');
    expect(within(region).queryByText('No pre-check has run for this window yet.')).toBeNull();
    expect(fetchMock.mock.calls.map(([called, init]) => `${init.method} ${called}`))
      .toEqual([`GET ${path}`, `POST ${path}`]);
  });

  it('shows the stored result and a refusal of a new run next to the button', async () => {
    stubApi((method) => (method === 'GET' ? { status: 200, body: PRE_CHECK }
      : problem(409, 'CONFLICT', 'Request conflicts with the current state', 'Window is FAILED')));
    const region = section();
    expect(await within(region).findByTestId('pre-check-verdict')).toHaveTextContent('No go');
    const button = within(region).getByRole('button', { name: 'Run pre-check' });
    fireEvent.click(button);
    expect(await within(button.parentElement as HTMLElement).findByRole('alert')).toHaveTextContent('Window is FAILED');
    expect(within(region).getByTestId('pre-check-verdict')).toBeInTheDocument();
  });

  it('disables the run once the window has ended', async () => {
    stubApi(() => ({ status: 200, body: PRE_CHECK }));
    const region = section(true);
    expect(within(region).getByRole('button', { name: 'Run pre-check' })).toBeDisabled();
    expect(region).toHaveTextContent('The window has ended');
    await within(region).findByTestId('pre-check-verdict');
  });
});
