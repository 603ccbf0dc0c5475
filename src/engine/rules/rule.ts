import { CellAddress } from "../grid/address";
import { WorkbookSnapshot } from "../grid/snapshot";
import { DepartmentForm } from "../form/model";
import { ProjectForm } from "../form/projectModel";
import { Section } from "../form/sections";
import { DerivedCell } from "../derive/derive";
import { ProjectScoring } from "../derive/projectScoring";
import { CellChange } from "../patch";
import { TextEdit } from "../narrative/edits";
import { Finding, MessageData, Severity } from "./finding";

/**
 * A rule is data plus a function, as ESLint's are: `meta` says what it is (id, severity, section,
 * whether it fixes, its Chinese messages by id) and `check` looks at one form and reports through
 * `report`, which fills the message and enforces the meta. No rule builds a Finding by hand.
 */
export interface RuleMeta<M extends string = string> {
  /** Stable id, used by tests, the pane, --json and the README's rule tables. */
  id: string;
  /** The usual severity; a report may say otherwise (an empty derived cell is only 提示). */
  severity: Severity;
  /** The part of the form its findings belong to, unless a report says otherwise. */
  section: Section;
  /** One line, in Chinese: what the rule checks. */
  description: string;
  /** Whether the rule ever proposes a fix: a fix from a rule that says no is refused. */
  fixable: boolean;
  /** Message templates in Chinese by messageId, filled from {{placeholders}}. */
  messages: Record<M, string>;
}

/** What a rule reports: which message, with what data, about which cell; everything else optional. */
export interface Report<M extends string = string> {
  messageId: M;
  data?: MessageData;
  cell: CellAddress;
  severity?: Severity;
  section?: Section;
  related?: CellAddress[];
  quote?: string;
  fix?: CellChange[];
  edit?: TextEdit;
  details?: Finding["details"];
  detailNames?: Finding["detailNames"];
}

export type Reporter<M extends string = string> = (report: Report<M>) => void;

export interface Rule<C = unknown, M extends string = string> {
  meta: RuleMeta<M>;
  check(ctx: C, report: Reporter<M>): void;
}

/** Work shared by several rules of one pass (prose figures, indicator matches), computed once. */
export type RuleCache = Map<string, unknown>;

/** What a rule of the 部门整体支出绩效自评表 sees. */
export interface DepartmentContext {
  form: DepartmentForm;
  derived: DerivedCell[];
  snapshot: WorkbookSnapshot;
  cache: RuleCache;
}

/** What a rule of a scored table form (项目支出绩效自评表 and its kin) sees. */
export interface ProjectContext {
  form: ProjectForm;
  scoring: ProjectScoring;
  snapshot: WorkbookSnapshot;
  cache: RuleCache;
}

export type DepartmentRule<M extends string = string> = Rule<DepartmentContext, M>;
export type ProjectRule<M extends string = string> = Rule<ProjectContext, M>;

/** Typed helpers: the message ids a rule reports are checked against its own meta.messages. */
export function departmentRule<M extends string>(rule: DepartmentRule<M>): DepartmentRule<M> {
  return rule;
}
export function projectRule<M extends string>(rule: ProjectRule<M>): ProjectRule<M> {
  return rule;
}

/** Computes a value once per engine pass and shares it between rules. */
export function cached<T>(ctx: { cache: RuleCache }, key: string, make: () => T): T {
  if (!ctx.cache.has(key)) ctx.cache.set(key, make());
  return ctx.cache.get(key) as T;
}

/** Fills "{{name}}" placeholders; a missing value is left visible so a test catches it. */
export function formatMessage(template: string, data: MessageData | undefined): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const v = data?.[key];
    return v === undefined ? whole : String(v);
  });
}

/** Quotes a passage for a message, shortened to keep messages readable. */
export function quote(text: string, max = 40): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** A rule that breaks its own contract: thrown in strict mode (the tests), the report refused otherwise. */
export class RuleContractError extends Error {
  override name = "RuleContractError";
  constructor(message?: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype); // instanceof holds where compiled to ES5 (the classic pane)
  }
}

let strict = false;

/**
 * Strict mode turns a broken contract (an unknown messageId, a placeholder left unfilled, a fix from
 * a rule not declared fixable) into an exception. The tests run strict; users never see a rule's bug
 * as a crash: the offending fix is dropped, the message shown as it could be filled.
 */
export function setStrictRules(on: boolean): void {
  strict = on;
}

function broken(rule: RuleMeta, what: string): void {
  if (strict) throw new RuleContractError(`规则 ${rule.id}：${what}`);
}

/** Runs one rule over one form and turns its reports into findings, filled and checked against its meta. */
export function runRule<C>(rule: Rule<C>, ctx: C, formLabel?: string): Finding[] {
  const { meta } = rule;
  const out: Finding[] = [];
  rule.check(ctx, (r) => {
    const template = meta.messages[r.messageId];
    if (template === undefined) broken(meta, `messageId「${r.messageId}」不在 meta.messages 中`);
    const message = formatMessage(template ?? r.messageId, r.data);
    if (/\{\{\w+\}\}/.test(message)) broken(meta, `消息「${r.messageId}」有未填的占位符：${message}`);
    let { fix, edit } = r;
    if ((fix || edit) && !meta.fixable) {
      broken(meta, "未声明 fixable 却给出了修正");
      fix = undefined;
      edit = undefined;
    }
    const f: Finding = { rule: meta.id, messageId: r.messageId, severity: r.severity ?? meta.severity, section: r.section ?? meta.section, message, cell: r.cell };
    if (r.data) f.data = r.data;
    if (formLabel) f.form = formLabel;
    if (r.related) f.related = r.related;
    if (r.quote !== undefined) f.quote = r.quote;
    if (fix) f.fix = fix;
    if (edit) f.edit = edit;
    if (r.details) f.details = r.details;
    if (r.detailNames) f.detailNames = r.detailNames;
    out.push(f);
  });
  return out;
}
