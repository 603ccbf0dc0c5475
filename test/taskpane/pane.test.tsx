/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, within, fireEvent, waitFor, act } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/ui/App";
import { Assistant } from "../../src/app/assistant";
import { ExcelHost, DocumentSettingsStorage } from "../../src/hosts/excel/excelHost";
import { installFakeExcel, FakeExcel } from "../fakes/fakeExcel";
import { buildForm, withSpec } from "../helpers/formBuilder";
import { WorkbookSnapshot, addressToA1 } from "../../src/engine";
import { stringsFor } from "../../src/ui/strings";
import { buildProjectSheet, sichuanSpec } from "../helpers/projectBuilder";

function renderPane(assistant: Assistant) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App assistant={assistant} />
    </FluentProvider>,
  );
}

/** validSpec with a wrong 年度预算调整数 (G5) and an empty 预算调整率 (G7), and one target as result. */
const broken = (): WorkbookSnapshot =>
  buildForm(
    withSpec({
      adjustment: { v: 150, fmt: "#,##0.00" },
      adjustmentRate: null,
      tasks: [{ number: 1, name: "做好环卫保洁工作", fund: 400, rows: [["市容环境卫生满意度", "≥85%"], ["新建公厕数", "10"]] }],
    }),
  );

let fake: FakeExcel;
let assistant: Assistant;
beforeEach(() => {
  fake = installFakeExcel(broken());
  assistant = new Assistant(new ExcelHost(new DocumentSettingsStorage()), { debounceMs: 10 });
});
afterEach(() => assistant.dispose());

async function check() {
  fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
  return screen.findByRole("list", { name: "校验结果" });
}

describe("the task pane", () => {
  it("一键校验 shows the form it found and the findings, grouped, errors first", async () => {
    renderPane(assistant);
    const list = await check();
    expect(screen.getByLabelText("已识别的表格")).toHaveTextContent("广州市某区某局（本级） · 2022年");
    expect(screen.getByLabelText("已识别的表格")).toHaveTextContent("工作表「自评表」");
    const items = within(list).getAllByRole("listitem");
    expect(items.map((i) => i.getAttribute("aria-label")?.split(" ").slice(0, 2).join(" "))).toEqual(["强制 G5", "提示 G7", "提示 F11"]);
    expect(list).toHaveTextContent("部门资金情况（2）");
    expect(items[0]).toHaveTextContent("G5：「150.00」→「200.00」");
  });

  it("clicking a finding selects its cell in the sheet", async () => {
    renderPane(assistant);
    const list = await check();
    fireEvent.click(within(list).getAllByRole("listitem")[2]);
    await waitFor(() => expect(fake.selected).toEqual({ sheet: "自评表", address: "F11" }));
  });

  it("应用 applies one fix and the pane checks again", async () => {
    renderPane(assistant);
    await check();
    fireEvent.click(screen.getByRole("button", { name: /^应用：G5：/ }));
    await waitFor(() => expect(fake.cell(0, "G5")!.v).toBe(200));
    await waitFor(() => expect(within(screen.getByRole("list", { name: "校验结果" })).getAllByRole("listitem")).toHaveLength(2));
    expect(fake.cell(0, "G7")!.v).toBeNull();
  });

  it("全部应用 applies all certain fixes, and 撤销 restores the old values", async () => {
    renderPane(assistant);
    await check();
    fireEvent.click(screen.getByRole("button", { name: /全部应用/ }));
    await waitFor(() => expect(fake.cell(0, "G7")!.f).toBe("ROUND(G5/G4,4)"));
    expect(fake.cell(0, "G5")!.v).toBe(200);
    expect(fake.cell(0, "G7")!.v).toBe(0.25);
    await waitFor(() => expect(screen.getByRole("button", { name: "撤销" })).not.toBeDisabled());
    fireEvent.click(screen.getByRole("button", { name: "撤销" }));
    await waitFor(() => expect(fake.cell(0, "G5")!.v).toBe(150));
    expect(fake.cell(0, "G7")!.v).toBeNull();
    expect(fake.cell(0, "G7")!.f).toBeUndefined();
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("已撤销「全部应用（2 处）」"));
  });

  it("填充计算项 fills only the derived cells", async () => {
    const other = installFakeExcel(buildForm(withSpec({ adjustment: null, completionRate: null })));
    const a = new Assistant(new ExcelHost(new DocumentSettingsStorage()));
    renderPane(a);
    await check();
    fireEvent.click(screen.getByRole("button", { name: /填充计算项/ }));
    await waitFor(() => expect(other.cell(0, "G5")!.f).toBe("ROUND(D4-G4,2)"));
    expect(other.cell(0, "D7")!.f).toBe("ROUND(D5/D4,4)");
  });

  it("keeps the undo journal in the document across closing and reopening the pane", async () => {
    const first = renderPane(assistant);
    await check();
    fireEvent.click(screen.getByRole("button", { name: /全部应用/ }));
    await waitFor(() => expect(fake.cell(0, "G5")!.v).toBe(200));
    first.unmount();
    assistant.dispose();
    expect(fake.settings.get("ziping.journal")).toEqual(expect.stringContaining("全部应用"));
    // A new pane (a new assistant) reads the journal from the document settings.
    const reopened = new Assistant(new ExcelHost(new DocumentSettingsStorage()));
    renderPane(reopened);
    await check();
    await waitFor(() => expect(screen.getByRole("button", { name: "撤销" })).not.toBeDisabled());
    fireEvent.click(screen.getByRole("button", { name: "撤销" }));
    await waitFor(() => expect(fake.cell(0, "G5")!.v).toBe(150));
  });

  it("does not overwrite a cell the user changed after the check, and says so", async () => {
    renderPane(assistant);
    await check();
    fake.sheets[0].cells.get("4:6")!.v = 175; // typed while the pane showed the fix (no event)
    fireEvent.click(screen.getByRole("button", { name: /^应用：G5：/ }));
    await waitFor(() => expect(screen.getByLabelText("未修改的单元格")).toHaveTextContent("G5：单元格在检查之后已被修改"));
    expect(fake.cell(0, "G5")!.v).toBe(175);
  });

  it("re-checks when the user edits the form", async () => {
    renderPane(assistant);
    await check();
    await act(async () => {
      fake.userEdit(0, "G5", 200);
      await new Promise((r) => setTimeout(r, 50));
    });
    await waitFor(() => expect(within(screen.getByRole("list", { name: "校验结果" })).getAllByRole("listitem")).toHaveLength(2));
    expect(fake.runs[fake.runs.length - 1]).toBe(1); // only the form's sheet was read again
  });

  it("marks the findings' cells in the sheet and removes its marks again", async () => {
    renderPane(assistant);
    await check();
    fireEvent.click(screen.getByRole("switch", { name: "在表格中标出问题单元格" }));
    await waitFor(() => expect(fake.cell(0, "G5")!.fill).toBe("#FFF2CC"));
    expect(fake.cell(0, "F11")!.fill).toBe("#FFF2CC");
    fireEvent.click(screen.getByRole("switch", { name: "在表格中标出问题单元格" }));
    await waitFor(() => expect(fake.cell(0, "G5")!.fill).toBeUndefined());
  });

  it("speaks English on its controls when Office's display language is English", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App assistant={assistant} strings={stringsFor("en-US")} />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Check form" }));
    expect(await screen.findByRole("list", { name: "校验结果" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^Apply：G5：/ })).toBeInTheDocument();
    expect(stringsFor("zh-CN").check).toBe("一键校验");
  });

  it("shows a project form's score and grade, and its findings under its own heading", async () => {
    installFakeExcel({ sheets: [buildProjectSheet({ ...sichuanSpec(), sheetName: "项目", total: 80 })] });
    const a = new Assistant(new ExcelHost(new DocumentSettingsStorage()));
    renderPane(a);
    const list = await check();
    const summary = screen.getByLabelText("项目支出绩效自评表 城市道路清扫保洁项目");
    expect(summary).toHaveTextContent("总分 91.50 · 优（重算）");
    // The sheet says 80: the summary says its 91.50 is recomputed, and points at the findings.
    expect(summary).toHaveTextContent("总分 91.50 · 等级 优（按表中数字重新计算；表中为 80）");
    expect(summary).toHaveTextContent("见下方问题");
    // One form: its name is said once, by the summary; the group title is short.
    expect(within(list).queryByRole("heading", { level: 2 })).toBeNull();
    expect(within(list).getByRole("heading", { level: 3 })).toHaveTextContent(/^总分与等级（1）$/);
    fireEvent.click(screen.getByRole("button", { name: /全部应用/ }));
    await waitFor(() => expect(screen.queryByRole("list", { name: "校验结果" })).toBeNull());
  });

  it("says clearly when the workbook holds no form", async () => {
    installFakeExcel({ sheets: [{ name: "Sheet1", cells: [[{ v: "工资表" }]], merges: [] }] });
    const a = new Assistant(new ExcelHost(new DocumentSettingsStorage()));
    renderPane(a);
    fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
    expect(await screen.findByText("未找到自评表")).toBeTruthy();
    expect(screen.queryByRole("list", { name: "校验结果" })).toBeNull();
  });

  it("renders cell text as text, never as markup", async () => {
    installFakeExcel(buildForm(withSpec({ tasks: [{ number: 1, name: "任务", fund: 1, rows: [["<b>满意率</b>", "&lt;img src=x onerror=alert(1)&gt;"]] }] })));
    const a = new Assistant(new ExcelHost(new DocumentSettingsStorage()));
    const { container } = renderPane(a);
    await check();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(screen.getByRole("list", { name: "校验结果" })).toHaveTextContent("完成情况「<img src=x onerror=alert(1)>」不是百分数");
  });

  describe("as a finance officer meets it (#16)", () => {
    it("says the result of a finding's 应用 where the finding stood, and selects the changed cell", async () => {
      renderPane(assistant);
      const list = await check();
      fireEvent.click(within(list).getByRole("button", { name: /^应用：G5：/ }));
      await waitFor(() => expect(within(screen.getByRole("list", { name: "校验结果" })).getByRole("status")).toHaveTextContent("G5：已修改 G5。"));
      expect(fake.selected).toEqual({ sheet: "自评表", address: "G5" });
      // The top status line keeps the check's result; the write's result is not said up there.
      expect(screen.getByRole("toolbar").parentElement!.querySelector('[role="status"]')).not.toHaveTextContent("已修改");
    });

    it("says the result of 全部应用 beside the toolbar and selects the first changed cell", async () => {
      renderPane(assistant);
      await check();
      fireEvent.click(screen.getByRole("button", { name: /全部应用/ }));
      await waitFor(() => expect(screen.getByRole("toolbar").parentElement!.querySelector('[role="status"]')).toHaveTextContent("已修改 G5、G7。"));
      expect(fake.selected).toEqual({ sheet: "自评表", address: "G5" });
    });

    it("says when 一键校验 is pressed again that it checked again, and when", async () => {
      renderPane(assistant);
      await check();
      expect(screen.getByRole("toolbar").parentElement!).not.toHaveTextContent("已重新校验");
      fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
      await waitFor(() => expect(screen.getByRole("toolbar").parentElement!).toHaveTextContent(/已重新校验（\d\d:\d\d:\d\d）：发现强制问题 1 项、提示 2 项。/));
    });

    it("names each 应用 by what it applies, and its section titles are headings", async () => {
      installFakeExcel(buildForm(withSpec({ adjustment: { v: 150, fmt: "#,##0.00" }, completionRate: { v: 0, fmt: "0.00%" }, adjustmentRate: null })));
      const a = new Assistant(new ExcelHost(new DocumentSettingsStorage()));
      renderPane(a);
      const list = await check();
      const names = within(list)
        .getAllByRole("button")
        .map((b) => b.getAttribute("aria-label"));
      expect(new Set(names).size).toBe(names.length);
      // Values as the sheet shows them: a rate as a percentage, not 0 → 1.
      expect(names).toContain("应用：D7：0.00% → 95.00%");
      expect(within(list).getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toContain("部门资金情况（3）");
    });

    it("quotes the passage of a long text a finding is about, with its neighbours, and selects the cell", async () => {
      const problems = "（一）部分项目预算编制不够精细，年中调整较多，影响了资金的使用效率和预算的严肃性。（二）绩效目标设定不够科学，部分指标未能量化，【待填：具体指标】难以考核。（三）项目管理有待加强。";
      const own = installFakeExcel(buildForm(withSpec({ problems })));
      const a = new Assistant(new ExcelHost(new DocumentSettingsStorage()));
      renderPane(a);
      const list = await check();
      const item = within(list)
        .getAllByRole("listitem")
        .find((i) => i.textContent!.includes("待填"))!;
      // Folded, the finding is two lines; clicked, it unfolds and quotes the passage with its neighbours.
      expect(within(item).queryByLabelText("所指的文字")).toBeNull();
      fireEvent.click(item);
      const quote = within(item).getByLabelText("所指的文字");
      expect(item).toHaveAttribute("aria-expanded", "true");
      expect(quote.querySelector("mark")!.textContent).toBe("【待填：具体指标】");
      expect(quote.textContent).toBe("…目标设定不够科学，部分指标未能量化，【待填：具体指标】难以考核。（三）项目管理有待加强。");
      const at = addressToA1(a.current.analysis!.form!.problems!.cell);
      await waitFor(() => expect(own.selected).toEqual({ sheet: "自评表", address: at }));
    });

    it("keeps the form's summary folded, so the findings start near the top", async () => {
      renderPane(assistant);
      await check();
      const summary = screen.getByLabelText("已识别的表格");
      expect(summary.tagName).toBe("DETAILS");
      expect((summary as HTMLDetailsElement).open).toBe(false);
      expect(summary.querySelector("summary")).toHaveTextContent("部门整体支出绩效自评表 · 广州市某区某局（本级） · 2022年");
    });

    it("says a department form's derived figure is recomputed when the sheet says otherwise", async () => {
      renderPane(assistant);
      await check();
      const summary = screen.getByLabelText("已识别的表格");
      expect(summary).toHaveTextContent("年度预算调整数 G5：200.00（按表中数字重新计算；表中为 150.00）");
      expect(summary).toHaveTextContent("见下方问题");
    });

    it("ends a failure's message with one 。 and keeps the last findings when a read fails", async () => {
      renderPane(assistant);
      const list = await check();
      const before = within(list).getAllByRole("listitem").length;
      const host = assistant.host as ExcelHost;
      const read = host.readSnapshot.bind(host);
      host.readSnapshot = async () => {
        throw Object.assign(new Error("「草稿.docx」不是 Excel 工作簿（.xlsx）。请另存为 .xlsx 后再检查。"), { name: "UserError" });
      };
      fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
      await waitFor(() => expect(screen.getByRole("toolbar").parentElement!).toHaveTextContent("「草稿.docx」不是 Excel 工作簿（.xlsx）。请另存为 .xlsx 后再检查。"));
      expect(screen.getByRole("toolbar").parentElement!.textContent).not.toMatch(/。。/);
      expect(within(screen.getByRole("list", { name: "校验结果" })).getAllByRole("listitem")).toHaveLength(before);
      host.readSnapshot = read;
    });
  });
});
