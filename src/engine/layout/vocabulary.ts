import { labelKey, toHalfWidth } from "../text/normalize";

/**
 * The words 自评表 of every region print for the same few things. A layout family adds its own
 * wording to these; a label is matched by its header key, so 「全年预算数（A）」, 「全年(调整)预算数」 and
 * 「全年 预算数」 are one column. Nothing here is an address.
 */

/** The columns of a budget block (项目资金 / 预算执行情况 / 部门预算执行情况). */
export type FundColKey = "initial" | "annual" | "actual" | "weight" | "rate" | "score" | "reason" | "method";

/** The rows of a budget block: the total and what it is made of (by source, or by use). */
export type FundRowKey = "total" | "fiscal" | "carryover" | "special" | "unit" | "other" | "basic" | "project";

/** The columns of an indicator table. */
export type IndicatorColKey =
  | "seq"
  | "level1"
  | "level2"
  | "level3"
  | "nature"
  | "target"
  | "adjustedTarget"
  | "unit"
  | "actual"
  | "weight"
  | "coefficient"
  | "score"
  | "reason"
  | "core"
  | "explanation"
  | "standard";

/** The fields of a form's header and its score summary. */
export type FieldKey = "name" | "department" | "unit" | "organization" | "contact" | "year" | "total" | "grade" | "conclusion" | "problems" | "measures";

/** The two goal texts. */
export type GoalKey = "expected" | "adjusted" | "achieved";

export interface Vocabulary {
  fundColumns: Record<FundColKey, string[]>;
  fundRows: Record<FundRowKey, string[]>;
  indicatorColumns: Record<IndicatorColKey, string[]>;
  fields: Record<FieldKey, string[]>;
  goals: Record<GoalKey, string[]>;
}

export const BASE_VOCABULARY: Vocabulary = {
  fundColumns: {
    initial: ["年初预算数", "年初预算", "年初数", "年初预算金额", "年初批复预算数"],
    annual: ["全年预算数", "调整后预算数", "调整后预算", "全年预算", "调整预算数", "预算数", "全年调整预算数", "全年预算金额"],
    actual: ["全年执行数", "预算执行数", "执行数", "实际支出数", "实际支出", "全年实际支出数", "全年实际支出", "决算数", "实际执行数", "全年支出数"],
    weight: ["分值", "权重", "执行率权重", "指标分值"],
    rate: ["执行率", "预算执行率", "资金执行率"],
    score: ["得分", "执行率得分", "自评得分"],
    reason: ["原因", "偏差原因", "原因说明", "未完成原因", "情况说明", "原因分析"],
    method: ["得分计算方法", "计分方法", "评分方法"],
  },
  fundRows: {
    total: ["年度资金总额", "资金总额", "总额", "年度财政资金总额", "资金合计", "预算资金总额", "年度资金"],
    fiscal: ["财政拨款", "当年财政拨款", "本年财政拨款", "财政资金", "一般公共预算", "一般公共预算拨款", "财政补助", "财政补助资金", "当年财政资金", "中央财政资金", "政府性基金拨款", "政府性基金"],
    carryover: ["上年结转资金", "上年结转", "结转资金", "上年结转结余"],
    special: ["财政专户管理资金", "财政专户资金", "纳入专户管理的非税收入拨款", "专户管理资金"],
    unit: ["单位资金", "单位自有资金", "自有资金"],
    other: ["其他资金", "其他", "其他收入", "地方资金"],
    basic: ["基本支出"],
    project: ["项目支出"],
  },
  indicatorColumns: {
    seq: ["序号"],
    level1: ["一级指标"],
    level2: ["二级指标"],
    level3: ["三级指标", "指标名称", "指标内容", "具体指标", "绩效指标名称"],
    nature: ["指标性质", "指标类型", "指标方向"],
    target: ["年度指标值", "指标值", "目标值", "年初目标值", "年初指标值", "年度目标值", "全年指标值", "预期指标值", "计划指标值", "预期值"],
    adjustedTarget: ["调整指标值", "调整后指标值", "全年调整指标值"],
    unit: ["度量单位", "计量单位", "单位"],
    actual: ["实际完成值", "完成值", "全年实际值", "全年完成值", "实际值", "年度完成值", "实际完成情况", "实际完成数", "完成情况", "全年实际完成值", "实际完成指标值"],
    weight: ["分值", "权重", "指标分值", "指标权重", "参考分值", "标准分值", "分数"],
    coefficient: ["得分系数"],
    score: ["得分", "自评得分", "指标得分", "实际得分", "评价得分"],
    reason: ["偏差原因分析及改进措施", "未完成原因分析", "偏差原因分析", "偏差原因", "未完成原因分析及改进措施", "原因分析", "偏差原因及改进措施", "未完成原因及改进措施", "偏差原因及整改措施", "未完成原因和改进措施", "未完成原因及拟采取的改进措施", "偏差原因及拟采取的改进措施"],
    core: ["是否核心指标", "核心指标"],
    explanation: ["指标解释", "指标说明"],
    standard: ["评分标准", "计分标准", "指标说明及评分标准", "评分办法", "评分细则", "评价标准"],
  },
  fields: {
    name: ["项目名称"],
    department: ["主管部门", "主管部门(单位)", "预算部门", "部门名称", "部门(单位)名称", "一级预算部门"],
    unit: ["实施单位", "项目实施单位", "预算单位"],
    organization: ["单位名称", "填报单位", "单位(盖章)"],
    contact: ["联系人", "部门联系人", "项目负责人", "填报人"],
    year: ["被评价年度", "评价年度", "自评年度", "预算年度", "年度"],
    total: ["总分", "合计", "总计", "自评总分", "总得分", "得分合计", "自评得分合计", "综合得分", "自评得分"],
    grade: ["评价等级", "自评等级", "等级", "绩效等级", "评价结果", "自评结果"],
    conclusion: ["评价结论", "自评结论", "总体评价结论"],
    problems: ["存在问题", "存在的问题", "存在的主要问题", "主要问题", "偏差大或目标未完成原因分析"],
    measures: ["改进措施", "改进意见", "下一步改进措施", "改进措施及结果应用方案", "改进措施或下一步计划", "整改措施"],
  },
  goals: {
    expected: ["预期目标", "年初设定目标", "年初绩效目标", "项目年度目标", "年度目标", "绩效目标", "年度预期目标"],
    adjusted: ["全年绩效目标", "调整后绩效目标", "全年调整绩效目标"],
    achieved: ["实际完成情况", "年度总体目标完成情况", "全年目标实际完成情况", "年度目标完成情况", "目标完成情况", "完成情况", "目标实际完成情况"],
  },
};

/** Words that start a new form: a sheet holding several forms is cut at each of them. */
export const TITLE_PATTERN = /(自评|评价|绩效)[^，。,；;：:]{0,14}表(?![格头])/;

/**
 * The key a header is matched by: the label key, without any bracketed part ("全年预算数（A）",
 * "全年(调整)预算数", "分值（10分）", "执行率（%）" all lose it), without "其中：" and a leading number.
 */
export function headerKey(text: string): string {
  let k = labelKey(text);
  if (k.length === 0) return k;
  if (k.includes("(")) k = k.replace(/\([^()]*\)/g, "");
  k = k.replace(/^其中[:：]?/, "").replace(/^[0-9]+[.、]/, "").replace(/[:：]+$/, "");
  return k;
}

/** The points printed in a label: "预算执行情况（10分）" → 10, "(50分)" → 50. */
export function pointsIn(text: string): number | undefined {
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/.exec(toHalfWidth(text));
  return m ? Number(m[1]) : undefined;
}

/** Whether a header names a column letter, as the 2020 national form does: 全年预算数（A）, 执行率（B/A）. */
export function hasColumnLetter(text: string): boolean {
  return /[(（]\s*[ABab](\s*\/\s*[ABab])?\s*[)）]/.test(toHalfWidth(text));
}

/**
 * Template rows of a blank form that are not indicators: 「指标1：」, 「指标2」, 「……」, 「/」, 「-」.
 * A real name written after the prompt (「指标1：完成中型灌区节水改造项目数量」) is the indicator.
 */
export function indicatorName(text: string): string | undefined {
  let t = toHalfWidth(text).replace(/\s+/g, " ").trim();
  t = t.replace(/^指标\s*\d+\s*[:：.、]?\s*/, "");
  if (/^[.。…·\-—_/\\、，,]*$/.test(t)) return undefined;
  if (/^(无|略|xx|XX|某某)$/.test(t)) return undefined;
  return t;
}

/** A cell that marks "not applicable" rather than a value: 「/」, 「-」, 「—」, 「无」. */
export function isNotApplicable(text: string): boolean {
  return /^\s*([/\\\-—–_]+|无|不适用|N\/?A)\s*$/i.test(toHalfWidth(text));
}

/** Builds a lookup from header key to the vocabulary key it names. */
export function keyTable<K extends string>(lists: Record<K, string[]>): Map<string, K> {
  const out = new Map<string, K>();
  for (const [key, words] of Object.entries(lists) as [K, string[]][]) for (const w of words) if (!out.has(headerKey(w))) out.set(headerKey(w), key);
  return out;
}

/** A vocabulary with a family's own words added before the base ones (the family's win). */
export function extendVocabulary(base: Vocabulary, extra: Partial<{ [P in keyof Vocabulary]: Partial<Vocabulary[P]> }> | undefined): Vocabulary {
  if (!extra) return base;
  const merge = <K extends string>(a: Record<K, string[]>, b: Partial<Record<K, string[]>> | undefined): Record<K, string[]> => {
    if (!b) return a;
    const out = { ...a };
    for (const [k, words] of Object.entries(b) as [K, string[] | undefined][]) if (words) out[k] = [...words, ...(a[k] ?? [])];
    return out;
  };
  return {
    fundColumns: merge(base.fundColumns, extra.fundColumns),
    fundRows: merge(base.fundRows, extra.fundRows),
    indicatorColumns: merge(base.indicatorColumns, extra.indicatorColumns),
    fields: merge(base.fields, extra.fields),
    goals: merge(base.goals, extra.goals),
  };
}
