import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import { MessageView } from '../../api/messages';
import { renderInInstance } from '../../test/renderInInstance';
import { problem, stubApi } from '../../test/stubApi';
import { MessagesPage } from './MessagesPage';

const message: MessageView = {
  messageId: 'M0001', topic: 'orders', tags: 'paid', keys: 'order-42', properties: { KEYS: 'order-42', TAGS: 'paid' },
  bodySize: 11, body: '{"order":1}', storeTime: '2026-11-22T04:00:00Z', bornTime: '2026-11-22T04:00:00Z',
  brokerName: 'broker-a', queueId: 0, queueOffset: 5,
  deliveries: [
    { group: 'billing', committedOffset: 6, state: 'CONSUMED' },
    { group: 'audit', committedOffset: 5, state: 'NOT_CONSUMED' },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('MessagesPage', () => {
  it('finds by topic and key and shows properties and the delivery state per group', async () => {
    const fetchMock = stubApi(() => ({ status: 200, body: { messages: [message] } }));
    renderInInstance(<MessagesPage />);
    fireEvent.change(screen.getByLabelText('Topic'), { target: { value: 'orders' } });
    fireEvent.change(screen.getByLabelText('Key'), { target: { value: 'order-42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));

    const card = await screen.findByRole('article', { name: 'Message M0001' });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/instances/MQ_INST_test/messages?topic=orders&key=order-42');
    expect(within(card).getByRole('table', { name: 'Properties' })).toHaveTextContent('KEYSorder-42');
    const deliveries = within(card).getByRole('table', { name: 'Deliveries' });
    expect(deliveries.querySelector('tr[data-group="billing"] .delivery-state')).toHaveTextContent('consumed');
    expect(deliveries.querySelector('tr[data-group="audit"] .delivery-state')).toHaveTextContent('not consumed');
  });

  it('shows a refused query inside the search form', async () => {
    stubApi(() => problem(400, 'VALIDATION', 'Request is not valid', 'give messageId or topic and key'));
    renderInInstance(<MessagesPage />);
    fireEvent.click(screen.getByLabelText('By message id'));
    fireEvent.change(screen.getByLabelText('Message id'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    const form = screen.getByRole('form', { name: 'Find messages' });
    expect(await within(form).findByRole('alert')).toHaveTextContent('give messageId or topic and key');
  });
});
