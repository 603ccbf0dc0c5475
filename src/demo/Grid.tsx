import * as React from "react";
import { CellAddress, SheetSnapshot, cellText, columnLetters } from "../engine";

const MAX_ROWS = 3000;
const MAX_COLS = 200;

export interface GridProps {
  /** The sheet as the package reads it now (a new object after each write). */
  sheet: SheetSnapshot;
  /** Column widths in characters, by column; missing ones are Excel's default. */
  widths: number[];
  sheetIndex: number;
  selected?: CellAddress;
  version: number;
  /** The part of the selected cell's text a finding is about: marked where it stands. */
  passage?: string;
  onSelect?(cell: CellAddress): void;
}

/** The cell's text with the passage marked (its first occurrence; white space as the cell has it). */
function withPassage(text: string, passage: string | undefined): React.ReactNode {
  const p = passage?.split(/…|↔/)[0].trim();
  if (!p || p.length < 2) return text;
  const at = text.indexOf(p);
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark>{p}</mark>
      {text.slice(at + p.length)}
    </>
  );
}

/**
 * The form's sheet as Excel shows it: merged cells, number formats, wrapped text, column widths and
 * the selected cell. Cell text is rendered as text: markup in a cell stays visible, never interpreted.
 */
export function Grid({ sheet: snap, widths, sheetIndex, selected, version, passage, onSelect }: GridProps) {
  const selectedRef = React.useRef<HTMLTableCellElement>(null);
  React.useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "center", inline: "nearest" });
    // A long cell scrolls within itself: bring the marked passage into view there too.
    selectedRef.current?.querySelector("mark")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selected?.row, selected?.col, selected?.sheet, passage]);
  // A grid of the used range, capped: a stray cell far away (XFD1048576) must not make a million rows.
  const rows = Math.min(snap.cells.length, MAX_ROWS);
  let cols = 0;
  for (const r in snap.cells) if (snap.cells[r] && snap.cells[r].length > cols) cols = snap.cells[r].length;
  for (const m of snap.merges) if (m.top < rows) cols = Math.max(cols, m.right + 1);
  cols = Math.min(cols, MAX_COLS);
  const covered = new Set<string>();
  const span = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of snap.merges) {
    if (m.top >= rows || m.left >= cols) continue;
    span.set(`${m.top}:${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const width = (c: number) => Math.round((widths[c] ?? 9) * 7 + 5);
  const isSelected = (r: number, c: number) => selected?.sheet === sheetIndex && selected.row === r && selected.col === c;
  return (
    // A table to read, not a widget to operate: its cells are not tab stops (the pane is reached by the skip link).
    <table className="grid" aria-label={`工作表 ${snap.name}`} data-version={version}>
      <colgroup>
        <col style={{ width: 36 }} />
        {Array.from({ length: cols }, (_, c) => (
          <col key={c} style={{ width: width(c) }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th />
          {Array.from({ length: cols }, (_, c) => (
            <th key={c} scope="col">
              {columnLetters(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          <tr key={r}>
            <th scope="row">{r + 1}</th>
            {Array.from({ length: cols }, (_, c) => {
              const key = `${r}:${c}`;
              if (covered.has(key)) return null;
              const cell = snap.cells[r]?.[c];
              const sp = span.get(key);
              const numeric = typeof cell?.v === "number";
              const sel = isSelected(r, c);
              return (
                <td
                  key={c}
                  ref={sel ? selectedRef : undefined}
                  data-cell={`${columnLetters(c)}${r + 1}`}
                  aria-current={sel || undefined}
                  className={`${sel ? "selected" : ""} ${numeric ? "num" : ""} ${cell?.f ? "formula" : ""}`}
                  rowSpan={sp?.rowSpan}
                  colSpan={sp?.colSpan}
                  title={cell?.f ? `=${cell.f}` : undefined}
                  onClick={() => onSelect?.({ sheet: sheetIndex, row: r, col: c })}
                >
                  {/* tabIndex -1: Chrome makes a scrolling box a tab stop of its own otherwise. */}
                  <div className="cell" tabIndex={-1}>
                    {sel ? withPassage(cellText(cell), passage) : cellText(cell)}
                  </div>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
