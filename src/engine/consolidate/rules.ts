import { CellAddress } from "../grid/address";
import { CellChange } from "../patch";
import { Rule } from "../rules";
import { ConsolidationForm, FormFigure } from "./forms";

/**
 * The checks of a 汇总 form against its units, as rules of the engine's one contract (rules/rule.ts):
 * id, severity, section, Chinese messages by id, run through runRule. They are not in the registry
 * (RULE_REGISTRY) because they look at several workbooks at once, not at one form: analyze() never
 * runs them, checkConsolidation() does. docs/consolidation.md lists them.
 */

/** One unit's share of a figure. */
export interface FigurePart {
  file: string;
  /** The unit's name as its form writes it ("" when it names none). */
  name: string;
  /** The amount in 万元; undefined when the unit's form has no such figure or it is not a number. */
  value?: number;
  cell?: CellAddress;
  sheetName?: string;
  /** absent: the unit's layout has no such figure; text: written but not a number; empty: left blank (counted as 0 below the total row). */
  note?: "absent" | "text" | "empty";
}

export interface FigureCheck {
  /** The 汇总 form's figure. */
  figure: FormFigure;
  parts: FigurePart[];
  /** The units' sum in 万元, over the parts that have a value. */
  sum: number;
  /** Every unit gave this figure. */
  complete: boolean;
  /** The allowance for each unit's rounding to two decimals, in 万元. */
  tolerance: number;
  status: "ok" | "mismatch" | "empty" | "not-number" | "unchecked";
  /** The write of the sum, where it is certain. */
  fix?: CellChange;
  /** Why no fix is offered for a wrong figure, in Chinese ("" when one is). */
  withheld: string;
}

export interface DerivedCheck {
  name: string;
  cell: CellAddress;
  /** The value that follows from the units' sums, as the form prints it. */
  expected: string;
  written: string;
  rule: string;
  fix?: CellChange;
  related: CellAddress[];
}

export interface YearCheck {
  kind: "differs" | "missing";
  cell: CellAddress;
  year?: number;
  unitYear: number;
}

/** What the consolidation rules look at: the 汇总 form and what was worked out against its units. */
export interface ConsolidationContext {
  total: ConsolidationForm;
  figures: FigureCheck[];
  derived: DerivedCheck[];
  year?: YearCheck;
  /** Money as the 汇总 form writes it: 「18,372.10 万元」. */
  money(wan: number): string;
  /** The rounding allowance as the 汇总 form writes money: 「0.015 万元」. */
  tolerance(wan: number): string;
  /** Each unit's figure and file, for a message. */
  partsText(check: FigureCheck): string;
}

const sectionOf = (ctx: ConsolidationContext) => (ctx.total.form.template === "department" ? "funding" : "projectFunds") as "funding" | "projectFunds";

export const consolidationSum: Rule<ConsolidationContext, "mismatch" | "empty" | "notNumber" | "unchecked"> = {
  meta: {
    id: "consolidation-sum",
    severity: "error",
    section: "funding",
    description: "汇总表的资金数等于各单位之和（允许各单位两位小数的舍入误差）",
    fixable: true,
    messages: {
      mismatch: "{{name}}为 {{written}}，各单位合计为 {{sum}}，相差 {{diff}}（超出 {{count}} 个单位各自两位小数的舍入误差 {{tolerance}}）{{withheld}}。各单位：{{parts}}",
      empty: "{{name}}未填写，各单位合计为 {{sum}}{{withheld}}。各单位：{{parts}}",
      notNumber: "{{name}}填的是「{{text}}」，不是金额；各单位合计为 {{sum}}{{withheld}}。各单位：{{parts}}",
      unchecked: "{{name}}无法与各单位核对：{{missing}}的表中没有这一项（式样不同或未填写）；其余单位合计 {{sum}}，汇总表为 {{written}}。请按单位的账目核对",
    },
  },
  check(ctx, report) {
    for (const c of ctx.figures) {
      const f = c.figure;
      const base = { name: `「${f.label}」`, sum: ctx.money(c.sum), parts: ctx.partsText(c), withheld: c.withheld };
      const section = sectionOf(ctx);
      if (c.status === "mismatch") {
        report({ messageId: "mismatch", cell: f.field.cell, section, data: { ...base, written: ctx.money(f.value!), diff: ctx.money(Math.abs(f.value! - c.sum)), count: c.parts.length, tolerance: ctx.tolerance(c.tolerance) }, fix: c.fix ? [c.fix] : undefined });
      } else if (c.status === "empty") {
        report({ messageId: "empty", cell: f.field.cell, section, data: base, fix: c.fix ? [c.fix] : undefined });
      } else if (c.status === "not-number") {
        report({ messageId: "notNumber", cell: f.field.cell, section, data: { ...base, text: f.field.text }, fix: c.fix ? [c.fix] : undefined });
      } else if (c.status === "unchecked") {
        const missing = c.parts.filter((p) => p.value === undefined).map((p) => `${p.name || "（未写名称）"}（${p.file}）`);
        report({ messageId: "unchecked", cell: f.field.cell, section, severity: "warning", data: { name: base.name, sum: base.sum, written: f.value !== undefined ? ctx.money(f.value) : f.field.text || "（空）", missing: missing.join("、") } });
      }
    }
  },
};

export const consolidationDerived: Rule<ConsolidationContext, "mismatch"> = {
  meta: {
    id: "consolidation-derived",
    severity: "error",
    section: "funding",
    description: "汇总表的运算项（调整数、完成率、执行率、得分）按各单位合计计算",
    fixable: true,
    messages: {
      mismatch: "{{name}}按各单位合计应为 {{expected}}（{{rule}}），汇总表中为 {{written}}",
    },
  },
  check(ctx, report) {
    for (const d of ctx.derived) {
      report({ messageId: "mismatch", cell: d.cell, section: sectionOf(ctx), related: d.related, data: { name: `「${d.name}」`, expected: d.expected, rule: d.rule, written: d.written || "（空）" }, fix: d.fix ? [d.fix] : undefined });
    }
  },
};

export const consolidationYear: Rule<ConsolidationContext, "differs" | "missing"> = {
  meta: {
    id: "consolidation-year",
    severity: "error",
    section: "header",
    description: "汇总表与各单位的被评价年度相同",
    fixable: false,
    messages: {
      differs: "汇总表的被评价年度为 {{year}} 年，各单位的表都是 {{unitYear}} 年：请核对汇总表的年度",
      missing: "汇总表没有写被评价年度（各单位的表为 {{unitYear}} 年）",
    },
  },
  check(ctx, report) {
    const y = ctx.year;
    if (!y) return;
    if (y.kind === "differs") report({ messageId: "differs", cell: y.cell, data: { year: y.year ?? "", unitYear: y.unitYear } });
    else report({ messageId: "missing", cell: y.cell, data: { unitYear: y.unitYear } });
  },
};

/** The consolidation's rules, in the order their findings are listed. */
export const CONSOLIDATION_RULES = [consolidationYear, consolidationSum, consolidationDerived] as Rule<ConsolidationContext>[];
