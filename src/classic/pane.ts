import { Analysis, FORM_KIND_NAMES, Finding, SECTION_NAMES, SEVERITY_NAMES, WorkbookSnapshot, addressToA1, foundForm, formSubject, projectLabel, showChange } from "../engine";
import { Assistant, AssistantState } from "../app/assistant";
import { attr, button, clear, h, show } from "./dom";

/**
 * The classic pane: the task pane of Excel 2016 and 2019 volume-licensed, which show add-ins in
 * Internet Explorer 11 (no React, no Fluent UI; compiled to ES5). The same assistant as the modern
 * pane — 一键校验, the form it found, the findings by section with their fixes, 应用 / 全部应用 /
 * 填充计算项 / 撤销 — in plain buttons, headings and lists. Everything a cell holds is shown as text.
 */
export interface ClassicPaneOptions {
  /** Check as soon as the pane opens (the add-in's page does; tests click 一键校验). */
  checkOnOpen?: boolean;
}

export interface ClassicPane {
  /** Stops following the assistant and empties the container. */
  dispose(): void;
}

const IDLE = "点击「一键校验」检查当前工作簿中的自评表。";

/** The short name of each form findings are grouped under, where a workbook holds several. */
function formNames(analysis: Analysis): Record<string, string> {
  const names: Record<string, string> = {};
  for (const p of analysis.projects) {
    const who = formSubject(p.form);
    names[projectLabel(p.form)] = who ? `${who}（${p.form.sheetName}）` : `${FORM_KIND_NAMES[p.form.kind]}（${p.form.sheetName}）`;
  }
  return names;
}

export function startClassicPane(container: HTMLElement, assistant: Assistant, options: ClassicPaneOptions = {}): ClassicPane {
  /** What a finding's own 应用 did, said in the status line until the next action from the toolbar. */
  let note = "";
  let seenAction = assistant.current.lastAction;
  /** A finding's 应用 takes its button away with the list: the focus then goes to the status line, which says what was done. */
  let refocus = false;
  const fromToolbar = (action: () => Promise<unknown>) => () => {
    note = "";
    refocus = false;
    void action();
  };

  const check = button("一键校验", fromToolbar(() => assistant.check()), { class: "primary" });
  const applyAll = button("全部应用", fromToolbar(() => assistant.applyAll()));
  const fillDerived = button("填充计算项", fromToolbar(() => assistant.fillDerived()));
  const undo = button("撤销", fromToolbar(() => assistant.undo()));
  const status = h("p", { class: "status", role: "status", "aria-live": "polite", tabindex: "-1" });
  const skipped = h("ul", { class: "skipped", "aria-label": "未修改的单元格" });
  const summary = h("div", { class: "summary", role: "region", "aria-label": "已识别的表格" });
  const results = h("div", { class: "results", role: "region", "aria-label": "校验结果" });
  const root = h("main", { class: "classic" }, [
    h("h1", { class: "title" }, ["ZiPing 自评助手"]),
    h("div", { class: "toolbar", role: "group", "aria-label": "操作" }, [check, " ", applyAll, " ", fillDerived, " ", undo]),
    status,
    skipped,
    summary,
    results,
    h("p", { class: "help" }, [h("a", { href: "help.html", target: "_blank", rel: "noopener noreferrer" }, ["使用说明"])]),
  ]);
  container.appendChild(root);

  /** The 应用 buttons of the findings shown, disabled while the assistant works. */
  let applyButtons: HTMLButtonElement[] = [];
  let shown: Analysis | undefined | null = null;

  function findingItem(f: Finding, snapshot: WorkbookSnapshot): HTMLElement {
    const a1 = addressToA1(f.cell);
    // The finding itself is a button: it selects its cell in the sheet.
    const locate = h("button", { type: "button", class: `finding ${f.severity}`, title: `在表格中选中 ${a1}` }, [
      h("span", { class: `severity ${f.severity}` }, [SEVERITY_NAMES[f.severity]]),
      " ",
      h("span", { class: "cell" }, [a1]),
      " ",
      h("span", { class: "message" }, [f.message]),
    ]);
    locate.onclick = () => void assistant.select(f.cell, f.quote);
    const item = h("li", { class: "item" }, [locate]);
    const changes = (f.fix ?? []).map((c) => showChange(c, snapshot));
    if (changes.length > 0) {
      const what = changes.map((c) => `${c.cell}：${c.before} → ${c.after}`).join("；");
      const apply = button("应用", () => {
        note = "";
        refocus = true;
        void assistant.applyFix(f.fix ?? [], `finding:${f.rule}:${a1}`);
      }, { class: "apply", "aria-label": `应用：${what}` });
      applyButtons.push(apply);
      item.appendChild(h("div", { class: "fix" }, [h("span", { class: "change" }, [changes.map((c) => `${c.cell}：「${c.before}」→「${c.after}」`).join("；")]), " ", apply]));
    }
    return item;
  }

  function renderSummary(analysis: Analysis | undefined): void {
    clear(summary);
    show(summary, !!analysis);
    if (!analysis) return;
    if (!foundForm(analysis)) {
      summary.setAttribute("aria-label", "未找到自评表");
      summary.appendChild(h("h2", {}, ["未找到自评表"]));
      summary.appendChild(h("p", {}, [analysis.recognition.reason ?? "当前工作簿中没有识别到预算绩效自评表。"]));
      return;
    }
    summary.setAttribute("aria-label", "已识别的表格");
    const form = analysis.form;
    if (form) {
      summary.appendChild(h("h2", {}, [`部门整体支出绩效自评表 · ${form.header.department?.text || "（未填部门名称）"} · ${form.header.year?.text || "（未填年度）"}`]));
      summary.appendChild(h("p", {}, [`工作表「${form.sheetName}」· 主要任务 ${form.tasks.length} 项 · 关键指标 ${form.indicators.length} 条`]));
    }
    for (const p of analysis.projects) {
      const f = p.form;
      const who = formSubject(f);
      const sc = p.scoring;
      summary.appendChild(h("h2", {}, [`${FORM_KIND_NAMES[f.kind]}${who ? `「${who}」` : ""}`]));
      const facts = [`工作表「${f.sheetName}」${f.region.top > 0 ? `第 ${f.region.top + 1} 行起` : ""}`, `绩效指标 ${f.indicators.length} 条`];
      if (f.yearNumber !== undefined) facts.push(`被评价年度 ${f.yearNumber} 年`);
      if (sc.total !== undefined) facts.push(`总分 ${sc.total.toFixed(2)}${sc.grade ? ` · 等级 ${sc.grade}` : ""}（按表中数字计算）`);
      summary.appendChild(h("p", {}, [facts.join(" · ")]));
    }
  }

  function renderFindings(analysis: Analysis | undefined): void {
    clear(results);
    applyButtons = [];
    show(results, !!analysis && foundForm(analysis));
    if (!analysis || !foundForm(analysis)) return;
    const findings = analysis.findings;
    if (findings.length === 0) {
      results.appendChild(h("p", { class: "none" }, ["没有发现问题。"]));
      return;
    }
    const names = formNames(analysis);
    const forms: string[] = [];
    for (const f of findings) if (forms.indexOf(f.form ?? "") < 0) forms.push(f.form ?? "");
    let form: string | undefined | null = null;
    let section: string | undefined;
    let list: HTMLElement | undefined;
    for (const f of findings) {
      if (f.form !== form) {
        form = f.form;
        section = undefined;
        // One form: the summary names it; several: each is named once.
        if (forms.length > 1) results.appendChild(h("h2", { class: "form" }, [f.form ? (names[f.form] ?? f.form) : "部门整体支出绩效自评表"]));
      }
      if (f.section !== section || !list) {
        section = f.section;
        const name = SECTION_NAMES[f.section] ?? f.section;
        const count = findings.filter((x) => x.form === f.form && x.section === f.section).length;
        results.appendChild(h("h3", {}, [`${name}（${count}）`]));
        list = h("ul", { "aria-label": name });
        results.appendChild(list);
      }
      list.appendChild(findingItem(f, analysis.snapshot));
    }
  }

  function render(state: AssistantState): void {
    const busy = state.status === "checking" || state.status === "applying";
    const analysis = state.analysis;
    const fixes = analysis ? analysis.patch.changes.length : 0;
    const derived = analysis ? analysis.derivedPatch.changes.length : 0;
    check.disabled = busy;
    applyAll.disabled = busy || fixes === 0;
    attr(applyAll, "aria-label", fixes > 0 ? `全部应用（${fixes} 处）` : undefined);
    fillDerived.disabled = busy || derived === 0;
    attr(fillDerived, "aria-label", derived > 0 ? `填充计算项（${derived} 处）` : undefined);
    undo.disabled = busy || !state.canUndo;
    const undoLabel = state.canUndo && state.undoLabel ? `撤销：${state.undoLabel}` : undefined;
    attr(undo, "title", undoLabel);
    attr(undo, "aria-label", undoLabel);

    if (state.lastAction && state.lastAction !== seenAction) {
      seenAction = state.lastAction;
      // From the toolbar the assistant's message says both; from a finding, what it did comes first.
      note = state.lastAction.origin === "toolbar" ? "" : state.lastAction.message;
    }
    const text = busy ? (state.status === "checking" ? "正在校验…" : "正在写入…") : state.status === "error" ? (state.message ?? "") : `${note}${state.message ?? IDLE}`;
    if (status.textContent !== text) status.textContent = text;

    clear(skipped);
    for (const k of state.skipped) skipped.appendChild(h("li", {}, [`${k.cell}：${k.reason}`]));
    show(skipped, state.skipped.length > 0);

    if (analysis !== shown) {
      shown = analysis;
      renderSummary(analysis);
      renderFindings(analysis);
    }
    if (refocus && note) {
      refocus = false;
      status.focus();
    }
    for (const b of applyButtons) b.disabled = busy;
  }

  render(assistant.current);
  const unsubscribe = assistant.subscribe(render);
  if (options.checkOnOpen) void assistant.check();
  return {
    dispose() {
      unsubscribe();
      if (root.parentNode) root.parentNode.removeChild(root);
    },
  };
}
