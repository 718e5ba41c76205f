import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import { DeadLetterView } from '../../api/consumerGroups';
import { renderInInstance } from '../../test/renderInInstance';
import { problem, stubApi } from '../../test/stubApi';
import { DeadLettersSection } from './DeadLettersSection';

const letter: DeadLetterView = {
  messageId: 'DLQ0001', originalTopic: 'orders', originalMessageId: 'M0001', keys: 'order-42', tags: null,
  reconsumeTimes: 16, storeTime: '2026-11-22T04:00:00Z', brokerName: 'broker-a', queueOffset: 0,
};

afterEach(() => vi.unstubAllGlobals());

describe('DeadLettersSection', () => {
  it('resends during an upgrade lock, shows a refusal next to the button, retries with the same key', async () => {
    let attempts = 0;
    const fetchMock = stubApi((method) => {
      if (method === 'GET') return { status: 200, body: { items: [letter], nextPageToken: null } };
      return attempts++ === 0
        ? problem(503, 'NODE_UNAVAILABLE', 'Broker unavailable', 'broker-a did not answer')
        : { status: 200, body: { resent: [{ messageId: 'DLQ0001', newMessageId: 'M0002', topic: 'orders' }] } };
    });
    renderInInstance(<DeadLettersSection group="billing" />, { reason: 'Locked by upgrade window w-1' });

    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select DLQ0001' }));
    const resend = screen.getByRole('button', { name: 'Resend selected (1)' });
    expect(resend).toBeEnabled();
    fireEvent.click(resend);
    const actions = resend.parentElement as HTMLElement;
    expect(await within(actions).findByRole('alert')).toHaveTextContent('broker-a did not answer');

    fireEvent.click(resend);
    const resent = await screen.findByRole('list', { name: 'Resent messages' });
    expect(resent).toHaveTextContent('DLQ0001 → orders as M0002');
    const posts = fetchMock.mock.calls.filter(([, init]) => init.method === 'POST');
    const keys = posts.map(([, init]) => (init.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(JSON.parse(String(posts[0][1].body))).toEqual({ messageIds: ['DLQ0001'] });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Resend selected (0)' })).toBeDisabled());
  });
});
