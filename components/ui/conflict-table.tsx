import { TableScroll } from "./table-scroll";

/** One differing field: what was saved meanwhile, and what this person typed, as text. */
export interface ConflictRow {
  key: string;
  label: string;
  saved: string;
  mine: string;
}

/**
 * The fields someone else changed since the form was loaded, beside what was typed: the table
 * both edit forms (an activity, a progress update) show on a stale save. Scrolls in its own box.
 */
export function ConflictTable({
  caption,
  headings,
  rows,
  empty,
}: {
  caption: string;
  headings: { field: string; saved: string; mine: string };
  rows: ConflictRow[];
  /** Shown for a side with no value. */
  empty: string;
}) {
  return (
    <TableScroll label={caption}>
      <table className="w-full border-collapse bg-white text-left text-slate-900">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-2 py-1">
              {headings.field}
            </th>
            <th scope="col" className="px-2 py-1">
              {headings.saved}
            </th>
            <th scope="col" className="px-2 py-1">
              {headings.mine}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-slate-200 align-top">
              <th scope="row" className="px-2 py-1 font-medium">
                {r.label}
              </th>
              <td className="px-2 py-1 break-words whitespace-pre-line">{r.saved || empty}</td>
              <td className="px-2 py-1 break-words whitespace-pre-line">{r.mine || empty}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
