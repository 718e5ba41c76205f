import { render, screen } from '@testing-library/react';
import { UpgradeWindowView } from '../../api/upgrades';
import { UpgradeLockBanner } from './UpgradeLockBanner';
import { lockReason } from './useUpgradeLock';

const window: UpgradeWindowView = {
  id: '0190f3a2-0000-7000-8000-000000000001',
  cluster: 'local',
  state: 'IN_PROGRESS',
  startsAt: '2026-11-22T02:00:00Z',
  duration: 'PT1H',
  endsAt: '2026-11-22T03:00:00Z',
  targetVersion: '0.2.0',
  startedAt: '2026-11-22T02:00:00Z',
  finishedAt: null,
  version: 2,
};

describe('UpgradeLockBanner', () => {
  it('names the window, its cluster and its expected end', () => {
    render(<UpgradeLockBanner window={window} />);
    const banner = screen.getByRole('status');
    expect(banner).toHaveTextContent('Upgrade in progress');
    expect(banner).toHaveTextContent(window.id);
    expect(banner).toHaveTextContent('local');
    expect(banner.querySelector('time')).toHaveAttribute('dateTime', window.endsAt);
  });

  it('renders nothing when no window locks the cluster', () => {
    const { container } = render(<UpgradeLockBanner window={null} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('gives disabled controls a reason that names the window and its end', () => {
    expect(lockReason(window)).toBe(`Locked by upgrade window ${window.id} until 2026-11-22T03:00:00Z`);
    expect(lockReason(null)).toBeNull();
  });
});
