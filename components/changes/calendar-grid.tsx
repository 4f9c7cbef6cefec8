import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import type { TCalendarChange } from '@/lib/changes/calendar';
import { changeNumber } from '@/lib/changes/queries';
import { CHANGE_STATE_LABEL, toChangeState } from '@/lib/domain/change';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Chip colours by state; the type is a marker on the left edge (emergency red, standard green). */
const STATE_CHIP: Record<string, string> = {
  draft: 'bg-slate-50 text-slate-700 ring-slate-200',
  submitted: 'bg-amber-50 text-amber-900 ring-amber-200',
  approved: 'bg-brand-50 text-brand-800 ring-brand-100',
  scheduled: 'bg-violet-50 text-violet-800 ring-violet-200',
  implementing: 'bg-sky-50 text-sky-900 ring-sky-200',
  completed: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  closed: 'bg-slate-50 text-slate-500 ring-slate-200',
  failed: 'bg-red-50 text-red-800 ring-red-200',
  rejected: 'bg-red-50 text-red-700 ring-red-200 line-through',
  cancelled: 'bg-slate-50 text-slate-400 ring-slate-200 line-through',
};
const TYPE_EDGE: Record<string, string> = { emergency: 'border-l-red-600', standard: 'border-l-emerald-500', normal: 'border-l-slate-300' };
const LEGEND = ['submitted', 'approved', 'scheduled', 'implementing', 'completed', 'failed', 'cancelled'] as const;
const MONTH_CELL_LIMIT = 4;

function Chip({ c, day, detailed, showTenant }: { c: TCalendarChange; day: string; detailed: boolean; showTenant: boolean }) {
  const jobs = c.days[day] ?? 0;
  return (
    <Link
      href={`/changes/${c.id}`}
      title={`${changeNumber(c.number)} · ${c.title} · ${c.type} · ${CHANGE_STATE_LABEL[toChangeState(c.state)]}${jobs ? ` · ${jobs} job(s) start this day` : ''}`}
      className={cn(
        'block rounded border-l-4 px-1.5 py-0.5 text-[11px] leading-4 ring-1 ring-inset hover:brightness-95',
        detailed ? 'whitespace-normal break-words' : 'truncate',
        STATE_CHIP[c.state],
        TYPE_EDGE[c.type],
      )}
      data-testid="calendar-change"
      data-change-id={c.id}
      data-state={c.state}
    >
      <span className="font-semibold">{changeNumber(c.number)}</span> {detailed ? <span className="line-clamp-2">{c.title}</span> : c.title}
      {detailed ? (
        <span className="block text-[10px] opacity-80">
          {CHANGE_STATE_LABEL[toChangeState(c.state)]} · {c.type}
          {jobs ? ` · ${jobs} job(s)` : ''}
          {showTenant ? ` · ${c.tenantName}` : ''}
        </span>
      ) : null}
    </Link>
  );
}

/** A month (whole weeks) or a week of days, each listing the changes patching on it. */
export function CalendarGrid({
  view,
  days,
  month,
  today,
  changes,
  showTenant,
  weekHref,
}: {
  view: 'month' | 'week';
  days: string[];
  month: string;
  today: string;
  changes: TCalendarChange[];
  showTenant: boolean;
  weekHref: (day: string) => string;
}) {
  const onDay = new Map(days.map((d) => [d, changes.filter((c) => d in c.days)]));
  const isWeek = view === 'week';
  return (
    <div className="p-3">
      <div className="grid grid-cols-7 gap-px overflow-hidden rounded-md border border-slate-200 bg-slate-200" role="grid" aria-label="Change calendar">
        {WEEKDAYS.map((w) => (
          <div key={w} role="columnheader" className="bg-slate-50 px-2 py-1.5 text-center text-xs font-medium uppercase tracking-wide text-slate-500">
            {w}
          </div>
        ))}
        {days.map((d) => {
          const list = onDay.get(d) ?? [];
          const isOther = !isWeek && !d.startsWith(month);
          const shown = isWeek ? list : list.slice(0, MONTH_CELL_LIMIT);
          return (
            <div
              key={d}
              role="gridcell"
              aria-label={d}
              data-day={d}
              className={cn('min-w-0 space-y-1 bg-white p-1.5', isWeek ? 'min-h-72' : 'min-h-28', isOther && 'bg-slate-50/70')}
            >
              <div className="flex items-center justify-between">
                <span
                  className={cn(
                    'inline-flex size-6 items-center justify-center rounded-full text-xs tabular-nums',
                    d === today ? 'bg-brand-600 font-semibold text-white' : isOther ? 'text-slate-400' : 'text-slate-700',
                  )}
                >
                  {Number(d.slice(8))}
                </span>
                {isWeek ? <span className="text-[10px] text-slate-400">{d.slice(5)}</span> : null}
              </div>
              {shown.map((c) => (
                <Chip key={c.id} c={c} day={d} detailed={isWeek} showTenant={showTenant} />
              ))}
              {list.length > shown.length ? (
                <Link href={weekHref(d)} className="block px-1 text-[11px] font-medium text-brand-700 hover:underline">
                  +{list.length - shown.length} more
                </Link>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3 text-[11px] text-slate-600" aria-label="Legend">
        {LEGEND.map((s) => (
          <span key={s} className="inline-flex items-center gap-1">
            <span className={cn('inline-block size-3 rounded ring-1 ring-inset', STATE_CHIP[s])} /> {CHANGE_STATE_LABEL[s]}
          </span>
        ))}
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-3 w-1 bg-red-600" /> emergency
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-3 w-1 bg-emerald-500" /> standard
        </span>
      </div>
    </div>
  );
}
