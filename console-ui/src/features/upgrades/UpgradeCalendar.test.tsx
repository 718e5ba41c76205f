import { fireEvent, render, screen } from '@testing-library/react';
import { UpgradeWindowView } from '../../api/upgrades';
import { dayKey, monthGrid, UpgradeCalendar } from './UpgradeCalendar';

function windowAt(id: string, start: Date, hours: number): UpgradeWindowView {
  return {
    id, cluster: 'local', state: 'SCHEDULED', startsAt: start.toISOString(), duration: `PT${hours}H`,
    endsAt: new Date(start.getTime() + hours * 3_600_000).toISOString(), targetVersion: `v-${id}`,
    startedAt: null, finishedAt: null, version: 1,
  };
}

describe('UpgradeCalendar', () => {
  it('lays a month out in whole weeks starting on Monday', () => {
    const days = monthGrid(new Date(2026, 10, 1)); // November 2026 starts on a Sunday
    expect(days.length % 7).toBe(0);
    expect(days[0].getDay()).toBe(1);
    expect(dayKey(days[0])).toBe('2026-10-26');
    expect(days.map(dayKey)).toContain('2026-11-30');
  });

  it('puts each window on every day it covers, and pages to the next month', () => {
    const now = new Date();
    const tenth = new Date(now.getFullYear(), now.getMonth(), 10, 22, 0);
    const nextMonth = new Date(now.getFullYear(), now.getMonth() + 1, 20, 9, 0);
    render(<UpgradeCalendar windows={[windowAt('a', tenth, 4), windowAt('b', nextMonth, 1)]} />);
    const onDay = (date: Date) => document.querySelector(`[data-day="${dayKey(date)}"]`) as HTMLElement;
    expect(onDay(tenth).querySelector('[data-window-id="a"]')).toHaveTextContent('v-a (SCHEDULED)');
    const eleventh = new Date(now.getFullYear(), now.getMonth(), 11);
    expect(onDay(eleventh).querySelector('[data-window-id="a"]')).not.toBeNull();
    expect(document.querySelector('[data-window-id="b"]')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Next month' }));
    expect(onDay(nextMonth).querySelector('[data-window-id="b"]')).toHaveTextContent('v-b');
  });
});
