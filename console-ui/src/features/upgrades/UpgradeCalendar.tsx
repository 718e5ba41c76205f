import { useState } from 'react';
import { UpgradeWindowView } from '../../api/upgrades';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a local day. */
export function dayKey(day: Date): string {
  const month = String(day.getMonth() + 1).padStart(2, '0');
  return `${day.getFullYear()}-${month}-${String(day.getDate()).padStart(2, '0')}`;
}

function nextDay(day: Date): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
}

/** The days of the month grid: whole weeks (Monday first) covering the month of `first`. */
export function monthGrid(first: Date): Date[] {
  const start = new Date(first.getFullYear(), first.getMonth(), 1);
  start.setDate(1 - ((start.getDay() + 6) % 7));
  const days: Date[] = [];
  const end = new Date(first.getFullYear(), first.getMonth() + 1, 1);
  for (let day = start; day < end || days.length % 7 !== 0; day = nextDay(day)) {
    days.push(day);
  }
  return days;
}

/** The windows that overlap the local day `day`. */
function windowsOn(day: Date, windows: UpgradeWindowView[]): UpgradeWindowView[] {
  const from = day.getTime();
  return windows.filter((window) => Date.parse(window.startsAt) < from + DAY_MS && Date.parse(window.endsAt) > from);
}

function dayClass(day: Date, month: Date, today: string): string {
  const other = day.getMonth() === month.getMonth() ? '' : ' other-month';
  return `day${other}${dayKey(day) === today ? ' today' : ''}`;
}

/** A month grid with the upgrade windows on the days they cover; starts on the current month. */
export function UpgradeCalendar({ windows }: { windows: UpgradeWindowView[] }) {
  const [month, setMonth] = useState(() => {
    const now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), 1);
  });
  const move = (delta: number) => setMonth(new Date(month.getFullYear(), month.getMonth() + delta, 1));
  const today = dayKey(new Date());
  return (
    <section className="calendar" aria-label="Upgrade calendar">
      <div className="actions">
        <button onClick={() => move(-1)}>Previous month</button>
        <strong data-testid="calendar-month">
          {month.toLocaleDateString(undefined, { year: 'numeric', month: 'long' })}
        </strong>
        <button onClick={() => move(1)}>Next month</button>
      </div>
      <div className="month-grid">
        {WEEKDAYS.map((weekday) => (
          <div key={weekday} className="weekday">{weekday}</div>
        ))}
        {monthGrid(month).map((day) => (
          <div key={dayKey(day)} data-day={dayKey(day)} className={dayClass(day, month, today)}>
            <span className="date">{day.getDate()}</span>
            {windowsOn(day, windows).map((window) => (
              <div key={window.id} className={`window ${window.state.toLowerCase()}`} data-window-id={window.id}
                title={`${window.id}: ${window.startsAt} – ${window.endsAt}`}>
                {new Date(window.startsAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}{' '}
                {window.targetVersion} ({window.state})
              </div>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
