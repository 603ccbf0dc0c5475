import { SheetView } from "../grid/sheetView";
import { isEmptyValue } from "../grid/snapshot";
import { cellText } from "../grid/format";
import { stripMarkup, toHalfWidth } from "../text/normalize";
import { Quantity, parseQuantity } from "../quantity/parse";
import {
  BASE_VOCABULARY,
  FieldKey,
  FundColKey,
  FundRowKey,
  GoalKey,
  IndicatorColKey,
  TITLE_PATTERN,
  Vocabulary,
  hasColumnLetter,
  headerKey,
  indicatorName,
  isNotApplicable,
  keyTable,
  pointsIn,
} from "../layout/vocabulary";
import { LabelIndex, makeFieldRef, makeTextRef } from "./labels";
import { FieldRef, TextRef } from "./model";
import { BlockRead, IndicatorNature, ProjectFundRow, ProjectIndicator } from "./projectModel";

/**
 * Reads the table layouts of 自评表 by their blocks, wherever they sit and however they are worded:
 * header fields, the budget block, the goals, the indicator table (one- or two-row header), the
 * score summary and the prose. A sheet may stack several forms; each title starts one. What is
 * read here is layout-neutral: the family (and so how the form is scored) is chosen from it after.
 *
 * Only the cells a sheet holds are visited (a stray cell at XFD1048576 costs one cell), never the
 * rectangle of its used range.
 */

/** What the reader found of one form, before a family is chosen for it. */
export interface TableRead {
  region: { top: number; bottom: number };
  title?: { row: number; col: number; text: string };
  header: { name?: FieldRef; department?: FieldRef; unit?: FieldRef; organization?: FieldRef; contact?: FieldRef; year?: FieldRef };
  yearNumber?: number;
  moneyUnit: "万元" | "元";
  funds: ProjectFundRow[];
  fundColumns: Partial<Record<FundColKey, number>>;
  /** Amounts written inside label cells under the budget block, with the subtotal they belong to. */
  inlineParts: { key: FundRowKey; subtotal?: "source" | "use"; label: string; value: number; cell: { sheet: number; row: number; col: number } }[];
  budgetPoints?: number;
  /** The points printed on the indicator block's label (绩效指标（90分）, 年度绩效目标（80分）). */
  indicatorPoints?: { points: number; cell: { sheet: number; row: number; col: number } };
  goals: { expected?: TextRef; adjusted?: TextRef; achieved?: TextRef };
  indicators: ProjectIndicator[];
  indicatorColumns: Partial<Record<IndicatorColKey, number>>;
  groupPoints: { name: string; points: number; level: 1 | 2; cell: { sheet: number; row: number; col: number }; firstRow: number; lastRow?: number }[];
  total?: FieldRef;
  weightTotal?: FieldRef;
  grade?: FieldRef;
  conclusion?: TextRef;
  problems?: TextRef;
  measures?: TextRef;
  blocks: BlockRead[];
  unread: { kind: BlockRead["kind"]; what: string; cell: { sheet: number; row: number; col: number } }[];
  /** Features the family is chosen by: "budget.initial", "indicators.coefficient", "letters", "twoRowHeader". */
  features: Set<string>;
}

/** The labels that split a budget into its sources or its uses (湖南: 按收入性质分 / 按支出性质分). */
const SUBTOTAL = /按收入性质分|按支出性质分|按资金来源分|按支出用途分|收入性质|支出性质/;

/** A cell that holds a figure and nothing else: 「4753.66万元」, 「100%」, 「-」 is not one. */
const FIGURE = /^[-+]?[\d,]*\.?\d+\s*(万元|万|元|亿元|%)?$/;

/** A label key (form/labels) as a header key: its bracketed parts, 「其中：」 and numbering left out. */
const headerKeys = new Map<string, string>();
function headerKeyOfLabel(labelKey: string | undefined): string {
  if (!labelKey) return "";
  let k = headerKeys.get(labelKey);
  if (k === undefined) {
    k = labelKey.includes("(") ? labelKey.replace(/\([^()]*\)/g, "") : labelKey;
    k = k.replace(/^其中[:：]?/, "").replace(/^[0-9]+[.、]/, "").replace(/[:：]+$/, "");
    // The keys of a sheet's labels are few and repeat from form to form; a data sheet's are many and do not.
    if (headerKeys.size > 20000) headerKeys.clear();
    headerKeys.set(labelKey, k);
  }
  return k;
}

/** Labels are short; a longer cell is prose or a note and never names a block. */
const MAX_HEADER_LENGTH = 60;
const GRADE = /^(优|良|中|差|优秀|良好|合格|不合格)$/;

interface Tables {
  fundCol: Map<string, FundColKey>;
  fundRow: Map<string, FundRowKey>;
  indCol: Map<string, IndicatorColKey>;
  field: Map<string, FieldKey>;
  goal: Map<string, GoalKey>;
}

const tablesCache = new WeakMap<Vocabulary, Tables>();
function tablesOf(v: Vocabulary): Tables {
  let t = tablesCache.get(v);
  if (!t) {
    t = { fundCol: keyTable(v.fundColumns), fundRow: keyTable(v.fundRows), indCol: keyTable(v.indicatorColumns), field: keyTable(v.fields), goal: keyTable(v.goals) };
    tablesCache.set(v, t);
  }
  return t;
}

/** The kinds of rows a region is cut into. */
type RowRole = "indicatorHeader" | "budgetHeader" | "goalsHeader" | "stop" | "title" | undefined;

export class TableReader {
  private readonly t: Tables;
  /** The rows that hold any cell, ascending; and each row's columns that hold one. */
  private readonly rows: number[] = [];
  /** Where each occupied row stands in `rows`. */
  private readonly rowIndex = new Map<number, number>();
  private readonly colsAt = new Map<number, number[]>();
  private readonly keyCache = new Map<number, string>();
  /** Rows holding at least one cell the vocabulary names (or a label written with its value): only they can start or name a block. */
  private labelRows?: Set<number>;

  /**
   * `labels`, the sheet's label index (form/labels), is shared with the other readers: each short text
   * cell is normalized once per sheet, not once per reader.
   */
  constructor(readonly view: SheetView, readonly vocabulary: Vocabulary = BASE_VOCABULARY, private readonly labels?: LabelIndex) {
    this.t = tablesOf(vocabulary);
    view.sheet.cells.forEach((row, r) => {
      if (!row) return;
      const cols: number[] = [];
      row.forEach((cell, c) => {
        if (cell && !isEmptyValue(cell.v)) cols.push(c);
      });
      if (cols.length) {
        this.rowIndex.set(r, this.rows.length);
        this.rows.push(r);
        this.colsAt.set(r, cols);
      }
    });
  }

  /** The columns of a row that hold their own (anchor) cell. */
  private own(row: number): number[] {
    return this.colsAt.get(row) ?? [];
  }

  private text(row: number, col: number): string {
    return stripMarkup(this.view.text(row, col)).trim();
  }

  /** The header key of the cell that shows at (row, col); "" for long text and numbers. */
  private key(row: number, col: number): string {
    const a = this.view.anchor(row, col);
    const id = a.row * 16384 + a.col;
    let k = this.keyCache.get(id);
    if (k === undefined) {
      if (this.labels) k = headerKeyOfLabel(this.labels.keyOf(a.row, a.col));
      else {
        const v = this.view.raw(a.row, a.col)?.v;
        k = typeof v === "string" && v.length <= MAX_HEADER_LENGTH * 2 ? headerKey(v) : "";
        if (k.length > MAX_HEADER_LENGTH) k = "";
      }
      this.keyCache.set(id, k);
    }
    return k;
  }

  /** Every form on the sheet: one per title, and one for a table above the first title (a form's tail). */
  readAll(): TableRead[] {
    if (this.rows.length === 0) return [];
    // A sheet of data (no row naming two columns of a budget or indicator table) holds no table form:
    // known at the cost of one look at each cell's key.
    const labelRows = new Set<number>();
    let headerLike = false;
    const cells = this.view.sheet.cells;
    for (const r of this.rows) {
      let columns = 0;
      const row = cells[r];
      for (const c of this.own(r)) {
        // Figures name nothing: only text is looked at.
        const v = row[c]?.v;
        if (typeof v !== "string") continue;
        const k = this.key(r, c);
        if (k) {
          const column = this.t.indCol.has(k) || this.t.fundCol.has(k);
          if (column) columns++;
          if (column || this.t.field.has(k) || this.t.goal.has(k) || this.t.fundRow.has(k)) labelRows.add(r);
        } else if (v.length <= 80 && /[:：]|表|^\s*(注|备注)/.test(v)) labelRows.add(r);
      }
      if (columns >= 2) headerLike = true;
    }
    if (!headerLike) return [];
    this.labelRows = labelRows;
    const titles = this.rows.filter((r) => this.own(r).some((c) => this.isTitle(r, c)));
    const regions: { top: number; bottom: number }[] = [];
    const last = this.rows[this.rows.length - 1];
    if (titles.length === 0) regions.push({ top: this.rows[0], bottom: last });
    else {
      if (this.rows[0] < titles[0]) regions.push({ top: this.rows[0], bottom: titles[0] - 1 });
      titles.forEach((t, i) => regions.push({ top: t, bottom: i + 1 < titles.length ? titles[i + 1] - 1 : last }));
    }
    const out: TableRead[] = [];
    for (const region of regions) {
      const read = this.readRegion(region);
      // A region is a form when it holds a budget block or an indicator table.
      if (read && (read.funds.length || read.indicators.length || read.blocks.some((b) => b.kind === "indicators" || b.kind === "budget"))) out.push(read);
    }
    return out;
  }

  private isTitle(row: number, col: number): boolean {
    if (this.view.isCovered(row, col)) return false;
    const v = this.view.raw(row, col)?.v;
    if (typeof v !== "string" || v.length > 80) return false;
    const t = toHalfWidth(v).replace(/\s+/g, "");
    return TITLE_PATTERN.test(t) && !/^注/.test(t);
  }

  private rowsIn(region: { top: number; bottom: number }): number[] {
    return this.rows.filter((r) => r >= region.top && r <= region.bottom);
  }

  /** The vocabulary keys of a row's own cells, by column. */
  private keysOf<K>(row: number, table: Map<string, K>): Map<number, K> {
    const out = new Map<number, K>();
    for (const c of this.own(row)) {
      const k = table.get(this.key(row, c));
      if (k !== undefined && !out.has(c)) out.set(c, k);
    }
    return out;
  }

  private hasAny<K>(keys: Map<number, K>, wanted: K[]): boolean {
    for (const k of keys.values()) if (wanted.includes(k)) return true;
    return false;
  }

  private isIndicatorHeader(row: number): boolean {
    const keys = this.keysOf(row, this.t.indCol);
    const levels = this.hasAny(keys, ["level1", "level2", "level3"]);
    const values = this.hasAny(keys, ["target", "actual", "weight", "score", "coefficient", "standard"]);
    if (levels && values) return true;
    // Two-row headers: the levels on one row, the value columns on the other.
    const next = this.nextRow(row);
    if (next === undefined || !this.isHeaderOnly(next)) return false;
    const below = this.keysOf(next, this.t.indCol);
    return (levels || this.hasAny(below, ["level1", "level2", "level3"])) && (values || this.hasAny(below, ["target", "actual", "weight", "score", "coefficient"])) && keys.size > 0;
  }

  private isBudgetHeader(row: number): boolean {
    const keys = this.keysOf(row, this.t.fundCol);
    if (keys.size < 2 || !this.hasAny(keys, ["initial", "annual", "actual"])) return false;
    return !this.hasAny(this.keysOf(row, this.t.indCol), ["level1", "level2", "level3"]);
  }

  private isGoalsHeader(row: number): boolean {
    const keys = this.keysOf(row, this.t.goal);
    if (!this.hasAny(keys, ["expected", "adjusted"]) || !this.hasAny(keys, ["achieved"])) return false;
    return !this.hasAny(this.keysOf(row, this.t.indCol), ["level1", "level2", "level3"]);
  }

  /** A row of labels only: every text cell a known column, no figures. */
  private isHeaderOnly(row: number): boolean {
    let any = false;
    for (const c of this.own(row)) {
      const v = this.view.raw(row, c)?.v;
      if (typeof v === "number") return false;
      if (this.t.indCol.has(this.key(row, c))) any = true;
      else if (typeof v === "string" && v.trim() && !/^[(（]?\s*\d+\s*分\s*[)）]?$/.test(v.trim())) return false;
    }
    return any;
  }

  private nextRow(row: number): number | undefined {
    const i = this.rowIndex.get(row) ?? -1;
    return i >= 0 && i + 1 < this.rows.length ? this.rows[i + 1] : undefined;
  }

  /** Whether a row ends a table: a total, a conclusion, problems, notes, the form's signatures. */
  private isStopRow(row: number, fromCol = 0): boolean {
    for (const c of this.own(row)) {
      if (c < fromCol) continue;
      const k = this.key(row, c);
      if (!k) {
        const v = this.view.raw(row, c)?.v;
        if (typeof v === "string" && /^\s*(注|备注|说明)\s*[:：\d]/.test(toHalfWidth(v))) return true;
        continue;
      }
      const f = this.t.field.get(k);
      if (f === "total" || f === "conclusion" || f === "problems" || f === "measures" || f === "grade") return true;
      if (/^(注|备注|填表说明|项目负责人|财务负责人|单位负责人|填表人|审核人)/.test(k)) return true;
      return false;
    }
    return false;
  }

  private role(row: number): RowRole {
    if (this.isIndicatorHeader(row)) return "indicatorHeader";
    if (this.isBudgetHeader(row)) return "budgetHeader";
    if (this.isGoalsHeader(row)) return "goalsHeader";
    if (this.isStopRow(row)) return "stop";
    return undefined;
  }

  private readRegion(region: { top: number; bottom: number }): TableRead | undefined {
    const rows = this.rowsIn(region);
    if (rows.length === 0) return undefined;
    const view = this.view;
    const read: TableRead = {
      region,
      header: {},
      moneyUnit: "万元",
      funds: [],
      fundColumns: {},
      inlineParts: [],
      goals: {},
      indicators: [],
      indicatorColumns: {},
      groupPoints: [],
      blocks: [],
      unread: [],
      features: new Set(),
    };
    const titleCol = this.own(rows[0]).find((c) => this.isTitle(rows[0], c));
    if (titleCol !== undefined) read.title = { row: rows[0], col: titleCol, text: this.text(rows[0], titleCol) };

    const roles = new Map<number, RowRole>();
    for (const r of rows) if (!this.labelRows || this.labelRows.has(r)) roles.set(r, this.role(r));
    const consumed = new Set<number>();

    for (const r of rows) {
      if (consumed.has(r)) continue;
      const role = roles.get(r);
      if (role === "budgetHeader") this.readBudget(read, r, rows, roles, consumed);
      else if (role === "indicatorHeader") this.readIndicators(read, r, rows, roles, consumed);
      else if (role === "goalsHeader") this.readGoals(read, r, rows, roles, consumed);
    }
    for (const r of rows) if (!this.labelRows || this.labelRows.has(r)) this.readFields(read, r, consumed);
    this.readYearAndUnit(read, rows);
    return read;
  }

  /** The fields of the form: label cells with their value to the right, or written inline. */
  private readFields(read: TableRead, row: number, consumed: Set<number>): void {
    const view = this.view;
    for (const c of this.own(row)) {
      if (view.isCovered(row, c)) continue;
      const raw = view.raw(row, c)?.v;
      if (typeof raw !== "string") continue;
      let k = this.key(row, c);
      let inline: string | undefined;
      if (!this.t.field.has(k)) {
        // "单位名称：黄冈市水土保持与农田水利科研所" names a field and holds its value.
        const m = /^([^:：]{2,12})[:：]\s*(\S[\s\S]*)$/.exec(toHalfWidth(stripMarkup(raw)).trim());
        if (!m || !this.t.field.has(headerKey(m[1]))) continue;
        k = headerKey(m[1]);
        inline = m[2].trim();
      }
      const field = this.t.field.get(k)!;
      // Totals and conclusions inside a table were read with the table.
      if (consumed.has(row) && (field === "total" || field === "grade")) continue;
      const label = { row, col: c, text: raw.trim() };
      let at: { row: number; col: number } | undefined;
      if (inline === undefined) {
        at = this.valueRightOf(row, c);
        if (!at) continue;
      }
      const ref = inline !== undefined ? { ...makeFieldRef(view, label, { row, col: c }), text: inline, quantity: parseQuantity(inline), inline: true } : makeFieldRef(view, label, at!);
      switch (field) {
        case "name":
        case "department":
        case "unit":
        case "organization":
        case "contact":
        case "year":
          read.header[field] ??= ref;
          break;
        case "total":
          if (!read.total && ref.quantity.kind === "number") {
            read.total = ref;
            read.blocks.push({ kind: "score", row, firstRow: row, lastRow: row, items: 1, cells: { total: ref.cell } });
          }
          break;
        case "grade":
          read.grade ??= ref;
          break;
        case "conclusion":
        case "problems":
        case "measures": {
          const text = at ? makeTextRef(view, at, { row, col: c, text: raw.trim() }) : undefined;
          if (!text) break;
          if (field === "conclusion") {
            read.conclusion ??= text;
            if (!read.grade && GRADE.test(text.text.trim())) read.grade = ref;
          } else read[field] ??= text;
          read.blocks.push({ kind: "prose", row, firstRow: row, lastRow: row, items: 1, cells: { [field]: text.cell } });
          break;
        }
      }
    }
  }

  /** The first cell right of a label that holds a value and is not itself a label, within a few columns. */
  private valueRightOf(row: number, col: number): { row: number; col: number } | undefined {
    const view = this.view;
    const area = view.area(row, col);
    let firstEmpty: { row: number; col: number } | undefined;
    for (let c = area.right + 1; c < Math.min(view.colCount, area.right + 8); c++) {
      const a = view.anchor(row, c);
      if (a.col < c && a.col <= area.right) continue;
      const k = this.key(a.row, a.col);
      if (k && (this.t.field.has(k) || this.t.indCol.has(k) || this.t.fundCol.has(k))) break;
      if (!view.isEmpty(a.row, a.col)) return a;
      firstEmpty ??= a;
    }
    return firstEmpty;
  }

  private readYearAndUnit(read: TableRead, rows: number[]): void {
    // The evaluated year: the title ("2020年度…"), a subtitle "（2022年度）", or a 年度 field.
    const candidates: string[] = [];
    if (read.title) candidates.push(read.title.text);
    for (const r of rows.slice(0, 4)) for (const c of this.own(r)) candidates.push(this.text(r, c));
    if (read.header.year) candidates.unshift(read.header.year.text);
    for (const t of candidates) {
      const m = /((?:19|20)\d{2})\s*年/.exec(toHalfWidth(t)) ?? (/^\s*((?:19|20)\d{2})\s*$/.exec(toHalfWidth(t)));
      if (m && (t === read.header.year?.text || t === read.title?.text || /^[(（]?\s*(?:19|20)\d{2}\s*年度?\s*[)）]?$/.test(toHalfWidth(t).trim()))) {
        read.yearNumber = Number(m[1]);
        break;
      }
    }
    // 单位：元 / (元) in the form's top rows or the budget block's labels; 万元 otherwise.
    const top = rows.slice(0, 6).flatMap((r) => this.own(r).map((c) => toHalfWidth(this.text(r, c))));
    const budgetLabels = read.funds.length ? [toHalfWidth(this.text(read.blocks.find((b) => b.kind === "budget")?.row ?? rows[0], 0))] : [];
    for (const t of [...top, ...budgetLabels]) {
      if (/单位[:：]?\s*元\b|[(（]\s*元\s*[)）]|金额单位[:：]?\s*元/.test(t) && !/万元/.test(t)) read.moneyUnit = "元";
    }
  }

  private readBudget(read: TableRead, header: number, rows: number[], roles: Map<number, RowRole>, consumed: Set<number>): void {
    const view = this.view;
    consumed.add(header);
    const cols: Partial<Record<FundColKey, number>> = {};
    for (const [c, k] of this.keysOf(header, this.t.fundCol)) if (cols[k] === undefined) cols[k] = c;
    for (const c of this.own(header)) {
      const raw = this.text(header, c);
      if (hasColumnLetter(raw)) read.features.add("letters");
      const p = pointsIn(raw);
      if (p !== undefined && read.budgetPoints === undefined && (this.t.fundCol.get(this.key(header, c)) === "weight" || this.t.fundCol.get(this.key(header, c)) === "score")) read.budgetPoints = p;
    }
    // A weight and score column printing the whole form's points ("得分（20分*执行率）") names the budget's points.
    const valueCols = Object.values(cols) as number[];
    const firstValueCol = Math.min(...valueCols);
    // The block's label (项目资金（万元）, 预算执行情况（10分）) is left of the header, or above it.
    for (let c = 0; c < firstValueCol; c++) {
      const t = this.text(header, c);
      if (!t) continue;
      const p = pointsIn(t);
      if (p !== undefined) read.budgetPoints ??= p;
      if (/[(（]\s*元\s*[)）]/.test(toHalfWidth(t))) read.moneyUnit = "元";
    }
    const funds: ProjectFundRow[] = [];
    const after = rows.filter((r) => r > header);
    let last = header;
    for (const r of after) {
      if (r > header + 1 && roles.get(r)) break;
      if (roles.get(r) && roles.get(r) !== "stop") break;
      let key: FundRowKey | undefined;
      let label = "";
      let labelCol = 0;
      let ofWhich = false;
      for (let c = 0; c < firstValueCol && !key; c++) {
        const a = view.anchor(r, c);
        if (a.col !== c && a.col < c) continue;
        const k = this.key(a.row, a.col);
        const found = k ? this.t.fundRow.get(k) : undefined;
        if (found) {
          key = found;
          label = this.text(a.row, a.col);
          labelCol = a.col;
          ofWhich = /^其中/.test(toHalfWidth(label).replace(/\s+/g, ""));
        }
      }
      const hasFigure = valueCols.some((c) => {
        const a = view.anchor(r, c);
        if (a.row !== r) return false;
        const v = view.raw(r, c)?.v;
        return typeof v === "number" || (typeof v === "string" && FIGURE.test(toHalfWidth(v).trim()));
      });
      // Amounts written inside the label cells (湖南: 「其中：基本支出：900.47」), one or two to a row.
      const inline = this.inlineAmounts(r, firstValueCol === Infinity ? this.view.colCount : Math.max(firstValueCol, (this.own(r).at(-1) ?? 0) + 1));
      // A row of such labels without amounts (「政府性基金拨款：」「按收入性质分：」) still belongs to the block.
      const labelsOnly = !hasFigure && this.own(r).some((c) => {
        const t = toHalfWidth(this.text(r, c)).replace(/\s+/g, "");
        return /^(其中[:：]?)?[^:：]{2,20}[:：]$/.test(t) && (SUBTOTAL.test(t) || this.t.fundRow.has(headerKey(t)));
      });
      if ((inline.length || labelsOnly) && !hasFigure) {
        for (const part of inline) read.inlineParts.push(part);
        consumed.add(r);
        last = r;
        continue;
      }
      if (!key && hasFigure && funds.length > 0) {
        // A row the vocabulary does not name (彩票公益金用于医疗救助) but that holds figures is one more part.
        const c = this.own(r).find((x) => x < firstValueCol);
        if (c !== undefined) {
          key = "other";
          label = this.text(r, c);
          labelCol = c;
        }
      }
        if (!key) {
        // A block of one unlabelled row (重庆: the figures straight under the header) is the total.
        if (funds.length === 0 && hasFigure) {
          key = "total";
          label = this.text(header, 0) || "年度资金总额";
          labelCol = 0;
        } else if (funds.length > 0) break;
        else if (r > header + 2) break;
        else continue;
      }
      const cells: ProjectFundRow["cells"] = {};
      for (const [col, c] of Object.entries(cols) as [FundColKey, number][]) {
        const a = view.anchor(r, c);
        if (a.row !== r) continue;
        cells[col] = this.money(makeFieldRef(view, { row: r, col: labelCol, text: label }, a), col, read.moneyUnit);
      }
      funds.push({ key, label, labelCell: view.address(r, labelCol), cells, ofWhich });
      consumed.add(r);
      last = r;
    }
    if (read.funds.length === 0) {
      read.funds = funds;
      read.fundColumns = cols;
    }
    for (const k of Object.keys(cols)) read.features.add(`budget.${k}`);
    const cells: Record<string, { sheet: number; row: number; col: number }> = {};
    for (const f of funds) for (const [k, ref] of Object.entries(f.cells)) cells[`${f.key}.${k}`] = ref!.cell;
    read.blocks.push({ kind: "budget", row: header, firstRow: header, lastRow: last, items: funds.length, cells });
    const anyFigure = funds.some((f) => [f.cells.initial, f.cells.annual, f.cells.actual].some((c) => c && c.quantity.kind === "number"));
    if (!anyFigure) read.unread.push({ kind: "budget", what: "预算执行情况（项目资金）表头下没有读到任何金额", cell: view.address(header, firstValueCol) });
  }

  /** Label cells of a row that carry their amount: 「其中：一般公共预算：1873.66万元」 → fiscal, 1873.66. */
  private inlineAmounts(row: number, beforeCol: number): TableRead["inlineParts"] {
    const out: TableRead["inlineParts"] = [];
    for (const c of this.own(row)) {
      if (c >= beforeCol) break;
      const raw = this.view.raw(row, c)?.v;
      if (typeof raw !== "string") continue;
      const m = /^(.*?)[:：]\s*([-\d,.]+\s*(?:万元|万|元)?)\s*$/.exec(toHalfWidth(raw).replace(/\s+/g, " ").trim());
      if (!m) continue;
      const labelText = m[1].replace(/^\s*其中\s*[:：]?\s*/, "").trim();
      const k = headerKey(labelText);
      const q = parseQuantity(m[2]);
      if (q.kind !== "number" || q.value === undefined) continue;
      const value = (q.multiplier ?? 1) === 1e4 ? q.written ?? q.value / 1e4 : q.value;
      const by = SUBTOTAL.test(labelText) ? (/支出/.test(labelText) ? "use" : "source") : undefined;
      const key = this.t.fundRow.get(k);
      if (!key && !by) continue;
      out.push({ key: key ?? "total", subtotal: by, label: labelText, value, cell: this.view.address(row, c) });
    }
    return out;
  }

  /** A money cell in the form's unit: 「150万」 in a 万元 form is 150, 1,500,000 元 is 150 万元. */
  private money(ref: FieldRef, col: FundColKey, unit: "万元" | "元"): FieldRef {
    if (col === "rate" || col === "weight" || col === "score" || col === "reason" || col === "method") return ref;
    const q = ref.quantity;
    if (q.kind !== "number" || q.value === undefined || typeof ref.source?.v === "number") return ref;
    let value = q.value;
    if (unit === "万元" && q.unit === "元" && (q.multiplier ?? 1) >= 1e4) value = q.value / 1e4;
    else if (unit === "万元" && (q.multiplier ?? 1) === 1e4 && (q.unit === "" || q.unit === "元")) value = q.written ?? q.value / 1e4;
    else if (unit === "万元" && q.unit === "元") value = q.value / 1e4;
    else if (unit === "元" && (q.multiplier ?? 1) === 1e4) value = q.value;
    if (value === q.value) return ref;
    const quantity: Quantity = { ...q, value, unit: "" };
    return { ...ref, quantity };
  }

  private readGoals(read: TableRead, header: number, rows: number[], roles: Map<number, RowRole>, consumed: Set<number>): void {
    consumed.add(header);
    const keys = this.keysOf(header, this.t.goal);
    const below = rows.filter((r) => r > header).slice(0, 3);
    const cells: Record<string, { sheet: number; row: number; col: number }> = {};
    for (const [c, k] of keys) {
      for (const r of below) {
        if (roles.get(r)) break;
        const a = this.view.anchor(r, c);
        if (a.row !== r || this.view.isEmpty(a.row, a.col)) continue;
        if (!read.goals[k]) {
          read.goals[k] = makeTextRef(this.view, a, { row: header, col: c, text: this.text(header, c) });
          cells[k] = this.view.address(a.row, a.col);
        }
        break;
      }
    }
    read.blocks.push({ kind: "goals", row: header, firstRow: header, lastRow: below[0] ?? header, items: Object.keys(cells).length, cells });
  }

  private readIndicators(read: TableRead, header: number, rows: number[], roles: Map<number, RowRole>, consumed: Set<number>): void {
    const view = this.view;
    // One header row, or two: the value columns under a parent (年度指标值 over 指标性质 / 指标值 / 度量单位).
    let bottom = header;
    const next = this.nextRow(header);
    if (next !== undefined && next === header + 1 && this.isHeaderOnly(next)) bottom = next;
    consumed.add(header);
    consumed.add(bottom);
    const cols: Partial<Record<IndicatorColKey, number>> = {};
    const lower = this.keysOf(bottom, this.t.indCol);
    for (const [c, k] of lower) if (cols[k] === undefined) cols[k] = c;
    if (bottom !== header) {
      read.features.add("twoRowHeader");
      for (const [c, k] of this.keysOf(header, this.t.indCol)) {
        // A parent over columns the lower row names is not itself a column.
        const area = view.area(header, c);
        let named = false;
        for (let cc = area.left; cc <= area.right; cc++) if (lower.has(cc)) named = true;
        if (!named && cols[k] === undefined) cols[k] = c;
      }
    }
    for (const r of [header, bottom]) for (const c of this.own(r)) if (hasColumnLetter(this.text(r, c))) read.features.add("letters");
    if (cols.target === undefined && cols.adjustedTarget !== undefined) cols.target = cols.adjustedTarget;
    for (const k of Object.keys(cols)) read.features.add(`indicators.${k}`);
    const nameCol = cols.level3 ?? cols.level2 ?? cols.level1;
    if (nameCol === undefined) return;
    for (const [k, c] of Object.entries(cols) as [IndicatorColKey, number][]) read.indicatorColumns[k] ??= c;

    const firstCol = Math.min(...(Object.values(cols) as number[]));
    // The block's own label, left of its columns: 「绩效指标（90分）」, 「年度绩效目标（80分）」.
    for (const hr of [header, bottom]) {
      for (const c of this.own(hr)) {
        if (c >= firstCol) break;
        const p = pointsIn(this.text(hr, c));
        if (p !== undefined && !read.indicatorPoints) read.indicatorPoints = { points: p, cell: view.address(hr, c) };
      }
    }
    let level1 = "";
    let level2 = "";
    let last = bottom;
    let count = 0;
    const start = read.indicators.length;
    for (const r of rows) {
      if (r <= bottom) continue;
      const role = roles.get(r);
      if (role === "indicatorHeader" || role === "budgetHeader" || role === "goalsHeader") break;
      if (role === "stop" || this.isStopRow(r, 0)) {
        this.readTotalRow(read, r, cols, consumed);
        break;
      }
      consumed.add(r);
      last = r;
      const at = (c: number | undefined) => (c === undefined ? undefined : view.anchor(r, c));
      const own = (c: number | undefined) => {
        const a = at(c);
        return a && a.row === r ? a : undefined;
      };
      const textAt = (c: number | undefined) => (c === undefined ? "" : this.text(r, c));
      if (cols.level1 !== undefined && textAt(cols.level1)) level1 = textAt(cols.level1);
      if (cols.level2 !== undefined && textAt(cols.level2)) level2 = textAt(cols.level2);
      for (const [lvl, c, level] of [[level1, cols.level1, 1], [level2, cols.level2, 2]] as [string, number | undefined, 1 | 2][]) {
        const a = own(c);
        if (!a) continue;
        // A group's rows: its merged cell's, or up to the next group of its level (the same name written again continues it).
        const open = read.groupPoints.find((g) => g.level === level && g.lastRow === undefined);
        if (open && tidyLevel(open.name) === tidyLevel(lvl)) continue;
        if (open) open.lastRow = r - 1;
        const p = pointsIn(lvl);
        if (p !== undefined) read.groupPoints.push({ name: lvl, points: p, level, cell: view.address(a.row, a.col), firstRow: r, lastRow: view.area(a.row, a.col).bottom > r ? view.area(a.row, a.col).bottom : undefined });
      }
      const nameAt = own(nameCol);
      const nameText = nameAt ? this.text(nameAt.row, nameAt.col) : "";
      let name = indicatorName(nameText);
      if (name === undefined) {
        // A template row (「指标2：」, 「……」) or a row holding only a level's name is not an indicator;
        // a row of figures whose name was never written (or lost) is, and its missing name is reported.
        if (nameText) continue;
        const filled = [cols.target, cols.actual, cols.weight, cols.score].filter((c) => {
          const a = own(c);
          return a && !view.isEmpty(a.row, a.col) && !isNotApplicable(this.text(a.row, a.col));
        });
        if (filled.length < 2) continue;
        name = "";
      }
      const ref = (c: number | undefined, money = false): FieldRef | undefined => {
        const a = own(c);
        if (!a) return undefined;
        const f = makeFieldRef(view, { row: r, col: nameCol, text: name }, a);
        return money ? f : f;
      };
      const unitText = cols.unit !== undefined ? textAt(cols.unit) : undefined;
      const target = withUnit(ref(cols.target) ?? empty(view, r, cols.target ?? nameCol, name), unitText);
      const actual = withUnit(ref(cols.actual) ?? empty(view, r, cols.actual ?? nameCol, name), unitText);
      const adjusted = ref(cols.adjustedTarget !== cols.target ? cols.adjustedTarget : undefined);
      const natureText = cols.nature !== undefined ? toHalfWidth(textAt(cols.nature)).trim() : "";
      const effectiveTarget = adjusted && adjusted.quantity.kind !== "empty" ? withUnit(adjusted, unitText) : target;
      const coreText = cols.core !== undefined ? textAt(cols.core) : "";
      const indicator: ProjectIndicator = {
        level1: tidyLevel(level1),
        level2: tidyLevel(level2),
        level3: name,
        row: r,
        nature: natureOf(natureText, effectiveTarget.text, actual, name),
        target: effectiveTarget,
        actual,
        unit: unitText || undefined,
        weight: ref(cols.weight),
        coefficient: ref(cols.coefficient),
        score: ref(cols.score),
        reason: ref(cols.reason),
      };
      if (adjusted) indicator.adjustedTarget = adjusted;
      if (coreText) indicator.core = /^是/.test(coreText.trim());
      const standard = cols.standard !== undefined ? textAt(cols.standard) : cols.explanation !== undefined ? textAt(cols.explanation) : "";
      if (standard) indicator.standard = standard;
      read.indicators.push(indicator);
      count++;
    }
    const cells: Record<string, { sheet: number; row: number; col: number }> = {};
    for (const [k, c] of Object.entries(cols)) cells[k] = view.address(header, c as number);
    // Header cells of the table the vocabulary does not name, with figures or text under them, were not read: say so.
    const known = new Set(Object.values(cols) as number[]);
    const unknown: { name: string; col: number }[] = [];
    for (const hr of [header, bottom]) {
      for (const c of this.own(hr)) {
        if (c <= firstCol || known.has(c) || view.isCovered(hr, c) || unknown.some((u) => u.col === c)) continue;
        const name = this.text(hr, c);
        const area = view.area(hr, c);
        if (!name || area.right > area.left || pointsIn(name) !== undefined || this.t.indCol.has(this.key(hr, c))) continue;
        if (read.indicators.slice(start).some((i) => !view.isEmpty(i.row, c))) unknown.push({ name, col: c });
      }
    }
    if (unknown.length) read.unread.push({ kind: "indicators", what: `指标表头中「${unknown.map((u) => u.name).join("」「")}」${unknown.length > 1 ? `这 ${unknown.length} 栏` : "这一栏"}不是认识的栏目，其下内容没有读取`, cell: view.address(header, unknown[0].col) });
    for (const g of read.groupPoints) if (g.lastRow === undefined) g.lastRow = last;
    read.blocks.push({ kind: "indicators", row: header, firstRow: header, lastRow: last, items: count, cells });
    if (count === 0) read.unread.push({ kind: "indicators", what: `绩效指标表头（第 ${header + 1} 行）下没有读到任何指标`, cell: view.address(header, nameCol) });

  }

  /** The total row under an indicator table: 总分 / 合计, its score and the weights' total. */
  private readTotalRow(read: TableRead, row: number, cols: Partial<Record<IndicatorColKey, number>>, consumed: Set<number>): void {
    const view = this.view;
    const labelCol = this.own(row)[0];
    if (labelCol === undefined) return;
    const k = this.key(row, labelCol);
    if (this.t.field.get(k) !== "total") return;
    consumed.add(row);
    const label = { row, col: labelCol, text: this.text(row, labelCol) };
    const scoreCol = cols.score;
    if (scoreCol !== undefined && view.anchor(row, scoreCol).col > view.area(row, labelCol).right) {
      const a = view.anchor(row, scoreCol);
      read.total = makeFieldRef(view, label, a);
    } else {
      // The right-most figure of the row.
      const figures = this.own(row).filter((c) => c > view.area(row, labelCol).right && typeof view.raw(row, c)?.v === "number");
      const c = figures[figures.length - 1];
      if (c !== undefined) read.total = makeFieldRef(view, label, { row, col: c });
    }
    if (cols.weight !== undefined && cols.weight !== scoreCol) {
      const a = view.anchor(row, cols.weight);
      if (a.row === row && a.col > view.area(row, labelCol).right && !view.isEmpty(a.row, a.col)) read.weightTotal = makeFieldRef(view, label, a);
    }
    // A grade beside the total.
    for (const c of this.own(row)) {
      if (read.total && c <= read.total.cell.col) continue;
      const t = this.text(row, c);
      if (GRADE.test(t)) read.grade ??= makeFieldRef(view, { row, col: labelCol, text: "等级" }, { row, col: c });
    }
    if (read.total) read.blocks.push({ kind: "score", row, firstRow: row, lastRow: row, items: 1, cells: { total: read.total.cell } });
  }
}

/** A field for a column the layout lacks (or a cell a merge from above covers): nothing written. */
function empty(view: SheetView, row: number, col: number, name: string): FieldRef {
  return { cell: view.address(row, col), labelCell: view.address(row, col), label: name, source: undefined, text: "", quantity: parseQuantity(null) };
}

/** "产出指标（50分）" → "产出指标": the level's name without its points. */
function tidyLevel(s: string): string {
  return toHalfWidth(s).replace(/[(（][^()（）]*[)）]/g, "").replace(/\s+/g, "").trim();
}

/** A quantity read with the 度量单位 column's unit when the value cell has none. */
function withUnit(f: FieldRef, unit: string | undefined): FieldRef {
  if (!unit || f.quantity.kind !== "number" || f.quantity.unit) return f;
  const u = unit.replace(/\s+/g, "");
  return { ...f, quantity: { ...f.quantity, unit: u === "百分比" ? "%" : u } };
}

/** Dates and deadlines are met or not, never a ratio: 「2021年12月完成」, 「12月底前」. */
const DATE = /(19|20)\d{2}\s*年\s*\d{1,2}\s*月|\d{1,2}\s*月(底|前|份|末)|年底|月底|季度末|年内/;

/** Rates where less is better (重庆: 预算调整率, 结转结余率, 公用经费控制率). */
const LESS_IS_BETTER = /(控制率|调整率|结余率|结转率|发生率|投诉率|差错率|超标率|变动率|偏差率|事故|投诉次数)$/;

export function natureOf(text: string, target: string, actual: FieldRef, name = ""): IndicatorNature {
  const n = toHalfWidth(text).trim();
  if (/定性/.test(n)) return "qualitative";
  if (/^(≤|<=|≦|反向|逆向)/.test(n)) return "<=";
  if (/^(=|═|等于)/.test(n)) return "=";
  if (/^(≥|>=|≧|正向)/.test(n)) return ">=";
  const t = toHalfWidth(target);
  if (DATE.test(t) || DATE.test(actual.text)) return "qualitative";
  if (/(≤|<=|≦|不超过|不高于|以内|以下|控制在)/.test(t)) return "<=";
  if (/^(=|═)/.test(t)) return "=";
  if (!/\d/.test(t) || actual.quantity.kind !== "number") return "qualitative";
  if (LESS_IS_BETTER.test(name.replace(/\s+/g, ""))) return "<=";
  return ">=";
}

export { cellText, isNotApplicable };
