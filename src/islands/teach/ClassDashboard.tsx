/**
 * The class dashboard: pupils × assigned items (answered, points), when each
 * handed in and whether late; sort and filter; the questions most pupils
 * missed; CSV for Excel and LibreOffice; print. Numbers: lib/classroom/dashboard.ts.
 */
import { useState } from 'preact/hooks';
import { csvSeparator, toCsv } from '../../lib/classroom/csv';
import {
  classRows,
  filterRows,
  itemLabel,
  mostMissed,
  sortRows,
  type Cell,
  type SortKey,
  type TeachCatalog,
} from '../../lib/classroom/dashboard';
import { fill } from '../../lib/i18n/fill';
import { formatDate } from '../../lib/i18n/format';
import { formatTags, type Locale } from '../../lib/i18n/locales';
import type { ClassRecord, ReceiptRecord } from '../../lib/progress/schema';
import { downloadText } from '../../lib/download';

interface Props {
  cls: ClassRecord;
  receipts: ReceiptRecord[];
  catalog: TeachCatalog;
  labels: Record<string, string>;
  locale: Locale;
}

export function ClassDashboard({ cls, receipts, catalog, labels, locale }: Props) {
  const [sort, setSort] = useState<SortKey>('name');
  const [descending, setDescending] = useState(false);
  const [text, setText] = useState('');
  const [onlyLate, setOnlyLate] = useState(false);
  const [onlyIncomplete, setOnlyIncomplete] = useState(false);

  const collator = new Intl.Collator(formatTags[locale]);
  const all = classRows(cls, receipts, catalog);
  const rows = sortRows(filterRows(all, { text, onlyLate, onlyIncomplete }), sort, descending, collator);
  const missed = mostMissed(cls, receipts, catalog);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(formatTags[locale], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const cellText = (c: Cell) => fill(labels.cell, { answered: c.answered, total: c.total, points: c.points, max: c.max });

  function exportCsv() {
    const header = [
      labels.colPupil,
      labels.colHandedIn,
      labels.colLate,
      ...cls.items.flatMap((i) => [fill(labels.colAnswered, { name: itemLabel(catalog, i) }), fill(labels.colPoints, { name: itemLabel(catalog, i) })]),
      labels.colTotalAnswered,
      labels.colTotalPoints,
      labels.colTotalMax,
    ];
    const body = sortRows(all, 'name', false, collator).map((r) => [
      r.name,
      r.handedInAt.slice(0, 16).replace('T', ' '),
      r.late ? labels.yes : labels.no,
      ...cls.items.flatMap((i) => [`${r.cells[i].answered}/${r.cells[i].total}`, r.cells[i].points]),
      `${r.total.answered}/${r.total.total}`,
      r.total.points,
      r.total.max,
    ]);
    const safeName = cls.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'class';
    downloadText(`${safeName}.csv`, toCsv([header, ...body], csvSeparator(formatTags[locale])), 'text/csv;charset=utf-8');
  }

  if (receipts.length === 0) return <p>{labels.noReceipts}</p>;

  return (
    <div class="dashboard">
      <div class="dashboard-controls no-print">
        <p>
          <label for="filter-name">{labels.filterName}</label>
          <input id="filter-name" class="text-field" type="search" value={text} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
        </p>
        <label class="check">
          <input type="checkbox" checked={onlyLate} onChange={(e) => setOnlyLate((e.currentTarget as HTMLInputElement).checked)} />
          {labels.filterLate}
        </label>
        <label class="check">
          <input type="checkbox" checked={onlyIncomplete} onChange={(e) => setOnlyIncomplete((e.currentTarget as HTMLInputElement).checked)} />
          {labels.filterIncomplete}
        </label>
        <p>
          <label for="sort-by">{labels.sortBy}</label>{' '}
          <select id="sort-by" value={sort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as SortKey)}>
            <option value="name">{labels.sortName}</option>
            <option value="handedIn">{labels.sortHandedIn}</option>
            <option value="points">{labels.sortPoints}</option>
            <option value="answered">{labels.sortAnswered}</option>
          </select>{' '}
          <label class="check" style="display:inline-flex">
            <input type="checkbox" checked={descending} onChange={(e) => setDescending((e.currentTarget as HTMLInputElement).checked)} />
            {labels.sortDescending}
          </label>
        </p>
      </div>
      <p role="status" class="meta">
        {fill(labels.showing, { number: rows.length, total: all.length })}
      </p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={labels.tableTitle}>
        <table class="class-table" data-testid="class-table">
          <caption class="visually-hidden">{labels.tableTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.colPupil}</th>
              <th scope="col">{labels.colHandedIn}</th>
              {cls.items.map((i) => (
                <th scope="col" key={i}>
                  {itemLabel(catalog, i)}
                </th>
              ))}
              <th scope="col">{labels.colTotal}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.pupilId} data-pupil={r.name}>
                <th scope="row">{r.name}</th>
                <td>
                  {when(r.handedInAt)}
                  {r.late && (
                    <>
                      {' '}
                      <strong class="late">{labels.late}</strong>
                    </>
                  )}
                </td>
                {cls.items.map((i) => (
                  <td key={i} data-item={i}>
                    {cellText(r.cells[i])}
                  </td>
                ))}
                <td data-item="total">{cellText(r.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{labels.missedTitle}</h3>
      {missed.length === 0 ? (
        <p>{labels.missedNone}</p>
      ) : (
        <ol data-testid="most-missed">
          {missed.map((m) => (
            <li key={m.id} data-exercise={m.id}>
              {m.question} <span class="meta">({fill(labels.missedCount, { missed: m.missed, answered: m.answered })}; {itemLabel(catalog, m.item)})</span>
            </li>
          ))}
        </ol>
      )}
      <div class="actions no-print">
        <button type="button" class="button secondary" onClick={exportCsv}>
          {labels.exportCsv}
        </button>
        <button type="button" class="button secondary" onClick={() => window.print()}>
          {labels.print}
        </button>
      </div>
      {cls.due && <p class="meta">{fill(labels.dueOn, { date: formatDate(locale, `${cls.due}T12:00:00Z`) })}</p>}
    </div>
  );
}
