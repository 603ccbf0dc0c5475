/**
 * The cell-level patcher: a guarded patch written into the package's XML as text edits, so that in a
 * changed sheet only the changed `<c>` elements differ and every other part keeps its bytes.
 *
 * - Text goes in as an inline string (`t="inlineStr"`): sharedStrings.xml is never touched.
 * - Formulas go in as `<f>` with the cached result the change carries; user text never goes into `<f>`.
 * - A shared formula's master that is overwritten first has its dependents written out as plain formulas.
 * - calcChain entries of cells whose formula was replaced or removed are dropped (the part too, if emptied).
 * - When a changed value is read by formulas the patch did not rewrite, `fullCalcOnLoad` is set so Excel,
 *   LibreOffice and WPS recompute on open.
 * - A number format (only where the cell had none) reuses a matching cell style or appends one.
 */
import { CellChange, CellState, CellValue, Patch, guardWrite, isCellError } from "../../../engine";
import { ApplyOutcome } from "../../types";
import { Area, areaCovers, encodeA1, formulaAreas, translateFormula } from "./formula";
import type { XlsxPackage } from "./package";
import { builtinFormatId, customFormatCode } from "./numfmt";
import { relKind, relsPathOf, resolveTarget } from "./parts";
import { CellPos, RowPos, SheetIndex } from "./sheet";
import { attr, attrs, eachAttr, eachElement, escapeAttr, escapeText, tagEnd } from "./xml";

interface Edit {
  start: number;
  end: number;
  text: string;
  /** Among insertions at one point, the order to write them in. */
  order?: number;
}

function applyEdits(text: string, edits: Edit[]): string {
  edits.sort((a, b) => a.start - b.start || (a.order ?? 0) - (b.order ?? 0));
  let out = "";
  let p = 0;
  for (const e of edits) {
    if (e.start < p) throw new Error(`overlapping edits at ${e.start}`);
    out += text.slice(p, e.start) + e.text;
    p = e.end;
  }
  return out + text.slice(p);
}

/** A number as a cell's `<v>`: JavaScript's shortest round-trip form, which xsd:double accepts. */
function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

/**
 * Cell text for `<t>`: XML-escaped; a carriage return as a character reference (a parser would fold a
 * literal one into a line feed); characters XML 1.0 cannot hold, and a literal `_xHHHH_`, in Excel's
 * `_xHHHH_` escapes, which Excel, LibreOffice and this reader decode.
 */
export function escapeCellText(s: string): string {
  let t = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  // eslint-disable-next-line no-control-regex
  t = t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return escapeText(t).replace(/\r/g, "&#13;");
}

/** The new `<c>` element for a change. */
function cellXml(p: string, ref: string, style: string | undefined, keepAttrs: string, value: CellValue, formula: string | undefined): string {
  const head = `<${p}c r="${ref}"${style !== undefined ? ` s="${escapeAttr(style)}"` : ""}${keepAttrs}`;
  const v = (t: string | undefined, text: string) => `${t ? ` t="${t}"` : ""}>${formula !== undefined ? `<${p}f>${escapeText(formula)}</${p}f>` : ""}<${p}v>${text}</${p}v></${p}c>`;
  if (formula !== undefined) {
    if (value === null || value === undefined || value === "") return `${head}><${p}f>${escapeText(formula)}</${p}f></${p}c>`;
    if (typeof value === "string") return head + v("str", escapeCellText(value));
  } else {
    if (value === null || value === undefined || value === "") return `${head}/>`;
    if (typeof value === "string") return `${head} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeCellText(value)}</${p}t></${p}is></${p}c>`;
  }
  if (typeof value === "number") return Number.isFinite(value) ? head + v(undefined, numberText(value)) : head + v("e", "#NUM!");
  if (typeof value === "boolean") return head + v("b", value ? "1" : "0");
  if (isCellError(value)) return head + v("e", escapeText(value.error));
  return head + v("str", escapeCellText(String(value)));
}

/** Attributes of the old `<c>` kept on the new one: its style, and `ph` (show phonetic). Value metadata goes with the old value. */
function keptAttrs(text: string, pos: CellPos): { style?: string; rest: string } {
  let style: string | undefined;
  let rest = "";
  eachAttr(text, pos.start, pos.tagEnd, (ns, ne, vs, ve) => {
    const name = text.slice(ns, ne);
    if (name === "s") style = text.slice(vs, ve);
    else if (name === "ph") rest += ` ph="${text.slice(vs, ve)}"`;
  });
  return { style, rest };
}

interface SheetWork {
  index: number;
  changes: CellChange[];
}

/** Writes a guarded patch into the package. Returns what was applied (with what it replaced) and what was skipped, and why. */
export function applyPatchToPackage(pkg: XlsxPackage, patch: Patch): ApplyOutcome {
  const outcome: ApplyOutcome = { applied: [], skipped: [] };
  const work = new Map<number, SheetWork>();
  const snapshot = pkg.snapshot();
  const written = new Set<string>();
  for (const change of patch.changes) {
    const sheet = snapshot.sheets[change.cell.sheet];
    const old = sheet?.cells[change.cell.row]?.[change.cell.col];
    const before: CellState = old?.f ? { value: old.v ?? null, formula: old.f } : { value: old?.v ?? null };
    const reason = guardWrite(change, { sheetName: sheet?.name, protected: !!sheet?.protected, current: before });
    const key = `${change.cell.sheet}:${change.cell.row}:${change.cell.col}`;
    if (reason || written.has(key)) {
      outcome.skipped.push({ change, reason: reason ?? "同一单元格在本次修正中已写入" });
      continue;
    }
    written.add(key);
    let w = work.get(change.cell.sheet);
    if (!w) work.set(change.cell.sheet, (w = { index: change.cell.sheet, changes: [] }));
    w.changes.push(change);
    outcome.applied.push({ change, before });
  }
  if (work.size === 0) return outcome;

  // Before any text changes: do formulas the patch does not rewrite read the changed cells?
  if (!pkg.fullCalcNeeded && readByOtherFormulas(pkg, outcome.applied.map((a) => a.change), written)) pkg.fullCalcNeeded = true;

  const calcChainDrops: { sheetId: string; ref: string }[] = [];
  let stylesChanged = false;
  for (const w of work.values()) {
    const read = pkg.readSheet(w.index, true);
    const index = read.index!;
    let text = read.text;
    const edits: Edit[] = [];
    const p = index.prefix;
    const byRow = new Map<number, RowPos>();
    for (const r of index.rows) if (!byRow.has(r.row)) byRow.set(r.row, r);
    const posOf = (row: number, col: number): CellPos | undefined => byRow.get(row)?.cells.find((c) => c.col === col);
    const changedKeys = new Set(w.changes.map((c) => `${c.cell.row}:${c.cell.col}`));
    const snapSheet = snapshot.sheets[w.index];
    const sheetId = pkg.sheets[w.index].sheetId;
    const newCells = new Map<number, { col: number; xml: string }[]>();
    const replaced = new Set<CellPos>();

    for (const change of w.changes) {
      const { row, col } = change.cell;
      const ref = encodeA1(row, col);
      const pos = posOf(row, col);
      const kept = pos ? keptAttrs(text, pos) : { style: undefined, rest: "" };
      let style = kept.style;
      if (change.numFmt && !snapSheet.cells[row]?.[col]?.fmt) {
        const s = ensureNumFmtStyle(pkg, style !== undefined ? parseInt(style, 10) : 0, change.numFmt);
        if (s.changed) stylesChanged = true;
        style = String(s.index);
      }
      const xml = cellXml(p, ref, style, kept.rest, change.value, change.formula);
      if (pos) {
        if (pos.formula) {
          calcChainDrops.push({ sheetId, ref });
          const f = pos.formula;
          if (f.type === "shared" && f.ref && f.si !== undefined && f.text) {
            // The master of a shared formula: its dependents read its text, so they get theirs written out first.
            for (const r of index.rows) {
              for (const c of r.cells) {
                if (c === pos || !c.formula || c.formula.type !== "shared" || c.formula.ref || c.formula.si !== f.si || c.formula.text) continue;
                if (changedKeys.has(`${r.row}:${c.col}`)) continue;
                edits.push(...dependentAsPlain(text, c, p, translateFormula(f.text, { row, col }, { row: r.row, col: c.col })));
              }
            }
          }
        }
        edits.push({ start: pos.start, end: pos.end, text: xml });
        replaced.add(pos);
      } else {
        const list = newCells.get(row) ?? [];
        list.push({ col, xml });
        newCells.set(row, list);
      }
    }
    edits.push(...insertions(text, index, newCells, p, replaced));
    text = applyEdits(text, edits);
    pkg.setPartText(pkg.sheets[w.index].part, text);
  }
  if (stylesChanged) pkg.refreshStyles();
  for (const w of work.values()) pkg.refresh(w.index);
  if (calcChainDrops.length) dropCalcChainEntries(pkg, calcChainDrops);
  if (pkg.fullCalcNeeded) setFullCalcOnLoad(pkg);
  return outcome;
}

/** A shared formula's dependent rewritten as a plain formula: only its `<f …/>` changes. */
function dependentAsPlain(text: string, c: CellPos, p: string, formula: string): Edit[] {
  // Find the <f> element inside the cell.
  const inner = text.slice(c.tagEnd + 1, c.end);
  const m = /<([\w.-]+:)?f\b[^>]*?(\/>|>[\s\S]*?<\/([\w.-]+:)?f\s*>)/.exec(inner);
  if (!m) return [];
  const start = c.tagEnd + 1 + m.index;
  return [{ start, end: start + m[0].length, text: `<${p}f>${escapeText(formula)}</${p}f>` }];
}

/** New cells in existing rows, and new rows, each in its place. */
function insertions(text: string, index: SheetIndex, newCells: Map<number, { col: number; xml: string }[]>, p: string, replaced: Set<CellPos>): Edit[] {
  const edits: Edit[] = [];
  if (newCells.size === 0) return edits;
  const rowsByNumber = new Map<number, RowPos>();
  for (const r of index.rows) if (!rowsByNumber.has(r.row)) rowsByNumber.set(r.row, r);
  const newRows: { row: number; xml: string }[] = [];
  for (const [row, list] of newCells) {
    list.sort((a, b) => a.col - b.col);
    const existing = rowsByNumber.get(row);
    if (!existing) {
      newRows.push({ row, xml: `<${p}row r="${row + 1}">${list.map((c) => c.xml).join("")}</${p}row>` });
      continue;
    }
    // Keep the row's attributes; widen `spans` (a hint of the row's first and last column) if a new cell lies outside it.
    const startTag = text.slice(existing.start, existing.openEnd + 1);
    let newStart = startTag;
    const spans = attr(text, existing.start, existing.openEnd, "spans");
    if (spans && /^\d+:\d+$/.test(spans)) {
      const [a, b] = spans.split(":").map(Number);
      const lo = Math.min(a, list[0].col + 1);
      const hi = Math.max(b, list[list.length - 1].col + 1);
      if (lo !== a || hi !== b) newStart = newStart.replace(/(\sspans\s*=\s*)(["'])\d+:\d+\2/, `$1$2${lo}:${hi}$2`);
    }
    if (existing.selfClosing) {
      newStart = newStart.replace(/\s*\/>$/, ">");
      const rowName = /^<([^\s/>]+)/.exec(startTag)![1];
      edits.push({ start: existing.start, end: existing.openEnd + 1, text: `${newStart}${list.map((c) => c.xml).join("")}</${rowName}>` });
      continue;
    }
    if (newStart !== startTag) edits.push({ start: existing.start, end: existing.openEnd + 1, text: newStart });
    const cellsNeedR = existing.cells.some((c) => !c.hasR);
    for (const nc of list) {
      const before = existing.cells.find((c) => c.col > nc.col);
      const at = before ? before.start : existing.closeStart;
      edits.push({ start: at, end: at, text: nc.xml, order: -100_000 + nc.col });
    }
    if (cellsNeedR) {
      // Cells placed by position move when one is inserted before them: name their columns.
      const first = list[0].col;
      for (const c of existing.cells) {
        if (c.hasR || c.col < first || replaced.has(c)) continue;
        const selfClose = text.charCodeAt(c.tagEnd - 1) === 47;
        const at = selfClose ? c.tagEnd - 1 : c.tagEnd;
        edits.push({ start: at, end: at, text: ` r="${encodeA1(row, c.col)}"` });
      }
    }
  }
  if (newRows.length) {
    newRows.sort((a, b) => a.row - b.row);
    const sd = index.sheetData;
    if (!sd) throw new Error("worksheet without sheetData");
    if (sd.selfClosing) {
      const tag = text.slice(sd.start, sd.openEnd + 1).replace(/\s*\/>$/, ">");
      const name = /^<([^\s/>]+)/.exec(tag)![1];
      edits.push({ start: sd.start, end: sd.openEnd + 1, text: `${tag}${newRows.map((r) => r.xml).join("")}</${name}>` });
    } else {
      const rowsNeedR = index.rows.some((r) => !r.hasR);
      for (const nr of newRows) {
        const before = index.rows.find((r) => r.row > nr.row);
        const at = before ? before.start : sd.closeStart;
        edits.push({ start: at, end: at, text: nr.xml, order: -2_000_000 + nr.row });
      }
      if (rowsNeedR) {
        const first = newRows[0].row;
        for (const r of index.rows) {
          if (r.hasR || r.row < first || newCells.has(r.row)) continue;
          const at = r.selfClosing ? r.openEnd - 1 : r.openEnd;
          edits.push({ start: at, end: at, text: ` r="${r.row + 1}"` });
        }
      }
    }
  }
  return edits;
}

/**
 * Whether a formula the patch does not rewrite reads one of the changed cells (directly, through a
 * range, a defined name, or a reference we cannot follow such as INDIRECT): its cached result is then stale.
 */
function readByOtherFormulas(pkg: XlsxPackage, changes: CellChange[], written: Set<string>): boolean {
  const snapshot = pkg.snapshot();
  const sheetNames = snapshot.sheets.map((s) => s.name.toUpperCase());
  const targets = changes.map((c) => ({ sheet: c.cell.sheet, row: c.cell.row, col: c.cell.col }));
  const covers = (area: Area, hostSheet: number) => {
    const sheet = area.sheet === undefined ? hostSheet : sheetNames.indexOf(area.sheet.toUpperCase());
    return targets.some((t) => t.sheet === sheet && areaCovers(area, t.row, t.col));
  };
  // Defined names that cover a changed cell (their text always names its sheet).
  const hot = new Set<string>();
  const allNames = new Set(pkg.workbook.definedNames.map((n) => n.name.toUpperCase()));
  for (const n of pkg.workbook.definedNames) {
    const { areas, opaque } = formulaAreas(n.text);
    if (opaque || areas.some((a) => a.sheet !== undefined && covers(a, -1))) hot.add(n.name.toUpperCase());
  }
  for (let s = 0; s < snapshot.sheets.length; s++) {
    const cells = snapshot.sheets[s].cells;
    for (const r in cells) {
      const row = cells[r];
      for (const c in row) {
        const f = row[c]?.f;
        if (!f || written.has(`${s}:${r}:${c}`)) continue;
        const { areas, opaque, names } = formulaAreas(f, allNames);
        if (opaque || names.some((n) => hot.has(n)) || areas.some((a) => covers(a, s))) return true;
      }
    }
  }
  return false;
}

/** Drops calcChain entries for cells whose formula went; the part, its relationship and its content type when none is left. */
function dropCalcChainEntries(pkg: XlsxPackage, drops: { sheetId: string; ref: string }[]): void {
  const rels = pkg.workbookRels();
  const rel = rels.find((r) => relKind(r.type) === "calcChain" && !r.external);
  const part = pkg.entryName(rel ? resolveTarget(pkg.workbookPart, rel.target) : "xl/calcChain.xml");
  if (!part || !pkg.hasPart(part)) return;
  const text = pkg.partText(part)!;
  const drop = new Set(drops.map((d) => `${d.sheetId}!${d.ref}`));
  const kept: { lt: number; te: number; i: string; hasI: boolean }[] = [];
  const all: { lt: number; te: number; i: string; hasI: boolean; drop: boolean }[] = [];
  let currentI = "";
  eachElement(text, ["c"], (el) => {
    const a = attrs(text, el.lt, el.te);
    if (a.i !== undefined) currentI = a.i;
    const entry = { lt: el.lt, te: el.te, i: currentI, hasI: a.i !== undefined, drop: drop.has(`${currentI}!${(a.r ?? "").replace(/\$/g, "")}`) };
    all.push(entry);
    if (!entry.drop) kept.push(entry);
  });
  if (!all.some((e) => e.drop)) return;
  if (kept.length === 0) {
    pkg.removePart(part);
    if (rel) {
      const relsPart = relsPathOf(pkg.workbookPart);
      const relsText = pkg.partText(relsPart)!;
      const edits: Edit[] = [];
      eachElement(relsText, ["Relationship"], (el) => {
        if (attr(relsText, el.lt, el.te, "Id") === rel.id) edits.push({ start: el.lt, end: el.selfClosing ? el.te + 1 : relsText.indexOf(">", el.close()) + 1, text: "" });
      });
      pkg.setPartText(relsPart, applyEdits(relsText, edits));
    }
    const ctText = pkg.partText(pkg.contentTypesPart)!;
    const edits: Edit[] = [];
    eachElement(ctText, ["Override"], (el) => {
      const name = (attr(ctText, el.lt, el.te, "PartName") ?? "").replace(/^\//, "");
      if (name.toLowerCase() === part.replace(/^\//, "").toLowerCase()) edits.push({ start: el.lt, end: el.selfClosing ? el.te + 1 : ctText.indexOf(">", el.close()) + 1, text: "" });
    });
    if (edits.length) pkg.setPartText(pkg.contentTypesPart, applyEdits(ctText, edits));
    return;
  }
  // Entries omit `i` when it is the previous entry's: a kept entry that inherited from a dropped one names its sheet.
  const edits: Edit[] = [];
  let prevI: string | undefined;
  for (const e of all) {
    if (e.drop) {
      edits.push({ start: e.lt, end: e.te + 1, text: "" });
      continue;
    }
    if (!e.hasI && e.i !== (prevI ?? "")) {
      const at = text.charCodeAt(e.te - 1) === 47 ? e.te - 1 : e.te;
      edits.push({ start: at, end: at, text: ` i="${e.i}"` });
    }
    prevI = e.i;
  }
  pkg.setPartText(part, applyEdits(text, edits));
}

/** Sets `fullCalcOnLoad="1"` on the workbook's `<calcPr>`, adding the element in its schema place if missing. */
function setFullCalcOnLoad(pkg: XlsxPackage): void {
  const part = pkg.workbookPart;
  const text = pkg.partText(part)!;
  let calc: { lt: number; te: number; selfClosing: boolean } | undefined;
  let after: number | undefined;
  let rootName = "workbook";
  const later = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
  eachElement(text, ["calcPr", "workbook", ...later], (el) => {
    if (el.local === "workbook") rootName = el.qname;
    else if (el.local === "calcPr" && !calc) calc = el;
    else if (after === undefined && el.local !== "calcPr") after = el.lt;
  });
  if (calc) {
    const current = attr(text, calc.lt, calc.te, "fullCalcOnLoad");
    if (current === "1" || current === "true") return;
    const tag = text.slice(calc.lt, calc.te + 1);
    const next = current !== undefined ? tag.replace(/(\sfullCalcOnLoad\s*=\s*)(["'])[^"']*\2/, '$1"1"') : tag.replace(/(\s*\/?>)$/, ' fullCalcOnLoad="1"$1');
    pkg.setPartText(part, text.slice(0, calc.lt) + next + text.slice(calc.te + 1));
    return;
  }
  const prefix = rootName.includes(":") ? rootName.slice(0, rootName.indexOf(":") + 1) : "";
  const at = after ?? text.lastIndexOf(`</${rootName}`);
  if (at < 0) return;
  pkg.setPartText(part, `${text.slice(0, at)}<${prefix}calcPr fullCalcOnLoad="1"/>${text.slice(at)}`);
}

/**
 * A cell style like `base` but with the number format `code`: an existing cellXfs entry identical but
 * for its number format, or a new one appended (with a `<numFmt>` if the code is not built in).
 */
function ensureNumFmtStyle(pkg: XlsxPackage, base: number, code: string): { index: number; changed: boolean } {
  const part = pkg.stylesPart();
  if (!part) return { index: base, changed: false };
  let text = pkg.partText(part)!;
  let root: { lt: number; te: number; qname: string } | undefined;
  let numFmts: { lt: number; te: number; selfClosing: boolean; close: number; qname: string } | undefined;
  let cellXfs: { lt: number; te: number; close: number; qname: string } | undefined;
  const custom: { id: number; code: string }[] = [];
  eachElement(text, ["styleSheet", "numFmts", "numFmt", "cellXfs"], (el) => {
    if (el.local === "styleSheet") root = el;
    else if (el.local === "numFmts" && !numFmts && !cellXfs) numFmts = { ...el, close: el.close() };
    else if (el.local === "numFmt" && !cellXfs) {
      const id = attr(text, el.lt, el.te, "numFmtId");
      const fc = attr(text, el.lt, el.te, "formatCode");
      if (id !== undefined && fc !== undefined) custom.push({ id: parseInt(id, 10), code: fc });
    } else if (el.local === "cellXfs" && !cellXfs && !el.selfClosing) cellXfs = { ...el, close: el.close() };
  });
  if (!root || !cellXfs || cellXfs.close < 0) return { index: base, changed: false };
  const prefix = root.qname.includes(":") ? root.qname.slice(0, root.qname.indexOf(":") + 1) : "";

  let id = builtinFormatId(code);
  let addNumFmt: string | undefined;
  if (id === undefined) {
    const found = custom.find((c) => c.code === code || customFormatCode(c.code) === code);
    if (found) id = found.id;
    else {
      id = Math.max(163, ...custom.map((c) => c.id)) + 1;
      addNumFmt = `<${prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`;
    }
  }

  // The xf elements of cellXfs, raw.
  const xfs: { start: number; end: number; raw: string }[] = [];
  const list = cellXfs;
  let p = list.te + 1;
  for (;;) {
    const lt = text.indexOf("<", p);
    if (lt < 0 || lt >= list.close) break;
    const te = tagEnd(text, lt);
    if (te < 0) break;
    if (text.charCodeAt(lt + 1) === 47 || text.charCodeAt(lt + 1) === 33) {
      p = te + 1;
      continue;
    }
    const name = /^<([^\s/>]+)/.exec(text.slice(lt, te + 1))![1];
    let end = te + 1;
    if (text.charCodeAt(te - 1) !== 47) {
      const close = text.indexOf(`</${name}`, te);
      end = text.indexOf(">", close) + 1;
    }
    xfs.push({ start: lt, end, raw: text.slice(lt, end) });
    p = end;
  }
  const baseXf = xfs[base] ?? xfs[0];
  if (!baseXf) return { index: base, changed: false };
  const normalize = (raw: string) => {
    const te = tagEnd(raw, 0);
    const a = attrs(raw, 0, te);
    delete a.numFmtId;
    delete a.applyNumberFormat;
    const keys = Object.keys(a).sort();
    return `${keys.map((k) => `${k}=${a[k]}`).join(" ")}|${raw.slice(te + 1).replace(/\s+/g, "")}`;
  };
  const want = normalize(baseXf.raw);
  const match = xfs.findIndex((x) => {
    const te = tagEnd(x.raw, 0);
    return Number(attr(x.raw, 0, te, "numFmtId") ?? 0) === id && normalize(x.raw) === want;
  });
  if (match >= 0 && !addNumFmt) return { index: match, changed: false };

  const te = tagEnd(baseXf.raw, 0);
  let tag = baseXf.raw.slice(0, te + 1);
  tag = /\snumFmtId\s*=/.test(tag) ? tag.replace(/(\snumFmtId\s*=\s*)(["'])[^"']*\2/, `$1"${id}"`) : tag.replace(/^<([^\s/>]+)/, `<$1 numFmtId="${id}"`);
  tag = /\sapplyNumberFormat\s*=/.test(tag) ? tag.replace(/(\sapplyNumberFormat\s*=\s*)(["'])[^"']*\2/, '$1"1"') : tag.replace(/(\s*\/?>)$/, ' applyNumberFormat="1"$1');
  const newXf = tag + baseXf.raw.slice(te + 1);
  const edits: Edit[] = [];
  // Insert the new xf at the end of cellXfs and update its count.
  edits.push({ start: list.close, end: list.close, text: newXf });
  const cxTag = text.slice(list.lt, list.te + 1);
  if (/\scount\s*=/.test(cxTag)) edits.push({ start: list.lt, end: list.te + 1, text: cxTag.replace(/(\scount\s*=\s*)(["'])\d*\2/, `$1"${xfs.length + 1}"`) });
  if (addNumFmt) {
    if (numFmts && !numFmts.selfClosing && numFmts.close >= 0) {
      edits.push({ start: numFmts.close, end: numFmts.close, text: addNumFmt });
      const nTag = text.slice(numFmts.lt, numFmts.te + 1);
      if (/\scount\s*=/.test(nTag)) edits.push({ start: numFmts.lt, end: numFmts.te + 1, text: nTag.replace(/(\scount\s*=\s*)(["'])\d*\2/, `$1"${custom.length + 1}"`) });
    } else if (numFmts) {
      edits.push({ start: numFmts.lt, end: numFmts.te + 1, text: `<${prefix}numFmts count="1">${addNumFmt}</${prefix}numFmts>` });
    } else {
      // numFmts is the first child of styleSheet.
      edits.push({ start: root.te + 1, end: root.te + 1, text: `<${prefix}numFmts count="1">${addNumFmt}</${prefix}numFmts>` });
    }
  }
  text = applyEdits(text, edits);
  pkg.setPartText(part, text);
  return { index: xfs.length, changed: true };
}

