import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import { OffsetResetView } from '../../api/consumerGroups';
import { renderInInstance } from '../../test/renderInInstance';
import { problem, stubApi } from '../../test/stubApi';
import { OffsetResetSection } from './OffsetResetSection';

const RESETS = '/api/v1/instances/MQ_INST_test/consumer-groups/billing/offset-resets';

const dryRun: OffsetResetView = {
  id: null, group: 'billing', target: 'EARLIEST', timestamp: null, dryRun: true, createdAt: '2026-11-22T04:00:00Z',
  undoneAt: null, totalSkipped: 0, totalRedelivered: 7,
  queues: [
    { topic: 'orders', brokerName: 'broker-a', queueId: 0, currentOffset: 7, newOffset: 0, skipped: 0, redelivered: 7 },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('OffsetResetSection', () => {
  it('previews with a dry run, then applies the same reset and lists it', async () => {
    const applied = { ...dryRun, id: 'r-1', dryRun: false };
    let history: OffsetResetView[] = [];
    const fetchMock = stubApi((method, _path, body) => {
      if (method === 'GET') return { status: 200, body: { items: history, nextPageToken: null } };
      if ((body as { dryRun: boolean }).dryRun) return { status: 200, body: dryRun };
      history = [applied];
      return { status: 201, body: applied };
    });
    renderInInstance(<OffsetResetSection group="billing" />);

    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByRole('region', { name: 'Offset reset preview' });
    expect(within(preview).getByTestId('total-redelivered')).toHaveTextContent('7');
    fireEvent.click(within(preview).getByRole('button', { name: 'Apply reset' }));

    await waitFor(() => expect(document.querySelector('tr[data-reset-id="r-1"]')).not.toBeNull());
    expect(screen.queryByRole('region', { name: 'Offset reset preview' })).toBeNull();
    const posts = fetchMock.mock.calls.filter(([, init]) => init.method === 'POST');
    expect(posts.map(([path, init]) => [path, JSON.parse(String(init.body))])).toEqual([
      [RESETS, { target: 'EARLIEST', dryRun: true }],
      [RESETS, { target: 'EARLIEST', dryRun: false }],
    ]);
  });

  it('shows a refused preview inside the preview form and a refused apply next to the apply button', async () => {
    let previews = 0;
    stubApi((method, _path, body) => {
      if (method === 'GET') return { status: 200, body: { items: [], nextPageToken: null } };
      if ((body as { dryRun: boolean }).dryRun && previews++ === 0) {
        return problem(400, 'VALIDATION', 'Request is not valid', 'group billing has no subscription');
      }
      return (body as { dryRun: boolean }).dryRun
        ? { status: 200, body: dryRun }
        : problem(423, 'INSTANCE_LOCKED', 'Instance is locked by an upgrade window', 'locked by upgrade window w-9');
    });
    const { refresh } = renderInInstance(<OffsetResetSection group="billing" />);

    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const form = screen.getByRole('form', { name: 'Preview offset reset' });
    expect(await within(form).findByRole('alert')).toHaveTextContent('group billing has no subscription');

    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByRole('region', { name: 'Offset reset preview' });
    expect(within(form).queryByRole('alert')).toBeNull();
    fireEvent.click(within(preview).getByRole('button', { name: 'Apply reset' }));
    expect(await within(preview).findByRole('alert')).toHaveTextContent('locked by upgrade window w-9');
    expect(refresh).toHaveBeenCalled();
  });
});
