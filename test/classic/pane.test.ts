/** @jest-environment jsdom */
import { screen, within, fireEvent, waitFor } from "@testing-library/dom";
import { Assistant } from "../../src/app/assistant";
import { DocumentSettingsStorage, ExcelHost } from "../../src/hosts/excel/excelHost";
import { WorkbookSnapshot } from "../../src/engine";
import { ClassicPane, startClassicPane } from "../../src/classic/pane";
import { installFakeExcel, FakeExcel } from "../fakes/fakeExcel";
import { buildForm, otherSheet, withSpec } from "../helpers/formBuilder";

/**
 * The classic pane (Excel 2016/2019 volume-licensed, Internet Explorer 11) on the strict fake Excel
 * played as Excel 2016: ExcelApi 1.1 only, so any call of a later API fails its request (ApiNotFound)
 * and the pane would show an error instead of findings.
 */

/** validSpec with a wrong 年度预算调整数 (G5) and 预算调整率 (G7), a target as result (F11) and markup in 部门整体绩效 (B14). */
const broken = (): WorkbookSnapshot =>
  buildForm(
    withSpec({
      adjustment: { v: 150, fmt: "#,##0.00" },
      adjustmentRate: { v: 0.3, fmt: "0.00%" },
      overall: "<p>(一) 垃圾分类深入推进。</p>",
      tasks: [{ number: 1, name: "做好环卫保洁工作", fund: 400, rows: [["市容环境卫生满意度", "≥85%"], ["新建公厕数", "10"]] }],
    }),
  );

let fake: FakeExcel;
let assistant: Assistant;
let pane: ClassicPane | undefined;

function excel2016(snapshot: WorkbookSnapshot): FakeExcel {
  const f = installFakeExcel(snapshot);
  f.requirementSets = { ExcelApi: "1.1" };
  return f;
}

function open(options: { checkOnOpen?: boolean } = {}) {
  assistant = new Assistant(new ExcelHost(new DocumentSettingsStorage()), { debounceMs: 10 });
  pane = startClassicPane(document.body, assistant, options);
}

beforeEach(() => {
  fake = excel2016(broken());
});
afterEach(() => {
  pane?.dispose();
  assistant?.dispose();
  pane = undefined;
});

const status = () => screen.getByRole("status");
const results = () => screen.getByRole("region", { name: "校验结果" });
const button = (name: string | RegExp) => screen.getByRole("button", { name });

async function check() {
  fireEvent.click(button("一键校验"));
  await waitFor(() => expect(status()).toHaveTextContent(/发现强制问题|校验通过|未找到/));
}

describe("the classic pane on Excel 2016 (ExcelApi 1.1)", () => {
  it("offers 一键校验 at first; 全部应用, 填充计算项 and 撤销 wait for something to do", () => {
    open();
    expect(button("一键校验")).toBeEnabled();
    expect(button("全部应用")).toBeDisabled();
    expect(button("填充计算项")).toBeDisabled();
    expect(button("撤销")).toBeDisabled();
    expect(status()).toHaveTextContent("点击「一键校验」检查当前工作簿中的自评表。");
    expect(screen.getByRole("link", { name: "使用说明" })).toHaveAttribute("href", "help.html");
  });

  it("一键校验 shows the form it found and the findings by section: severity, cell, message, fix", async () => {
    open();
    await check();
    expect(status()).toHaveTextContent("发现强制问题 2 项、提示 2 项。");
    const summary = screen.getByRole("region", { name: "已识别的表格" });
    expect(summary).toHaveTextContent("部门整体支出绩效自评表 · 广州市某区某局（本级） · 2022年");
    expect(summary).toHaveTextContent("工作表「自评表」· 主要任务 1 项 · 关键指标 2 条");
    const headings = within(results()).getAllByRole("heading").map((x) => x.textContent);
    expect(headings).toEqual(["部门资金情况（2）", "主要任务与关键指标（1）", "部门整体绩效（1）"]);
    const funding = within(results()).getByRole("list", { name: "部门资金情况" });
    const items = within(funding).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("强制 G5 年度预算调整数应为 200.00");
    expect(items[0]).toHaveTextContent("G5：「150.00」→「200.00」");
    expect(items[1]).toHaveTextContent("强制 G7 预算调整率应为 25.00%");
    expect(items[1]).toHaveTextContent("G7：「30.00%」→「25.00%」");
    expect(within(items[0]).getByRole("button", { name: "应用：G5：150.00 → 200.00" })).toBeEnabled();
    // A finding without a certain fix has no 应用.
    const task = within(within(results()).getByRole("list", { name: "主要任务与关键指标" })).getByRole("listitem");
    expect(task).toHaveTextContent("提示 F11");
    expect(within(task).queryByRole("button", { name: /^应用/ })).toBeNull();
    expect(button("全部应用（3 处）")).toBeEnabled();
    expect(button("填充计算项（2 处）")).toBeEnabled();
  });

  it("shows what cells hold as text, never as markup", async () => {
    open();
    await check();
    const overall = within(results()).getByRole("list", { name: "部门整体绩效" });
    expect(overall).toHaveTextContent("B14：「<p>(一) 垃圾分类深入推进。</p>」→「(一) 垃圾分类深入推进。」");
    expect(overall.querySelector("p")).toBeNull();
    expect(overall.innerHTML).toContain("&lt;p&gt;");
  });

  it("clicking a finding selects its cell in the sheet", async () => {
    open();
    await check();
    fireEvent.click(screen.getByRole("button", { name: /^强制 G7 预算调整率应为/ }));
    await waitFor(() => expect(fake.selected?.address).toBe("G7"));
  });

  it("应用 writes the fix and checks again; 撤销 puts the old value back", async () => {
    open();
    await check();
    fireEvent.click(button("应用：G5：150.00 → 200.00"));
    await waitFor(() => expect(status()).toHaveTextContent(/^已修改 G5。已重新校验（\d\d:\d\d:\d\d）：发现强制问题 1 项、提示 2 项。$/));
    expect(fake.cell(0, "G5")!.v).toBe(200);
    expect(results()).not.toHaveTextContent("G5");
    // The 应用 pressed is gone with the list: the focus is on what was done.
    expect(document.activeElement).toBe(status());
    expect(button("撤销：应用修正 G5")).toBeEnabled();
    fireEvent.click(button("撤销：应用修正 G5"));
    await waitFor(() => expect(status()).toHaveTextContent("已撤销「应用修正 G5」。"));
    expect(fake.cell(0, "G5")!.v).toBe(150);
    expect(results()).toHaveTextContent("强制 G5");
    expect(button("撤销")).toBeDisabled();
  });

  it("全部应用 writes every certain fix; 填充计算项 only the derived cells", async () => {
    open();
    await check();
    fireEvent.click(button("填充计算项（2 处）"));
    await waitFor(() => expect(status()).toHaveTextContent(/^已修改 G5、G7。/));
    expect([fake.cell(0, "G5")!.v, fake.cell(0, "G7")!.v]).toEqual([200, 0.25]);
    expect(fake.cell(0, "B14")!.v).toBe("<p>(一) 垃圾分类深入推进。</p>");
    fireEvent.click(button("全部应用（1 处）"));
    await waitFor(() => expect(status()).toHaveTextContent(/^已修改 B14。/));
    expect(fake.cell(0, "B14")!.v).toBe("(一) 垃圾分类深入推进。");
    expect(button("撤销：全部应用（1 处）")).toBeEnabled();
  });

  it("says which cells a write passed over, and why", async () => {
    open();
    await check();
    fake.userEdit(0, "G5", 180); // changed after the check: the fix must not overwrite it
    fireEvent.click(button("应用：G5：150.00 → 200.00"));
    await waitFor(() => expect(screen.getByRole("list", { name: "未修改的单元格" })).toHaveTextContent("G5："));
    expect(fake.cell(0, "G5")!.v).toBe(180);
  });

  it("a workbook without a form says so, and why", async () => {
    fake = excel2016({ sheets: [otherSheet()] });
    open();
    await check();
    const summary = screen.getByRole("region", { name: "未找到自评表" });
    expect(within(summary).getByRole("heading")).toHaveTextContent("未找到自评表");
    expect(summary).toHaveTextContent("最接近的是工作表「封面」");
    expect(screen.queryByRole("region", { name: "校验结果" })).toBeNull();
    expect(button("全部应用")).toBeDisabled();
  });

  it("a correct form: 没有发现问题", async () => {
    fake = excel2016(buildForm());
    open();
    await check();
    expect(status()).toHaveTextContent("校验通过：没有发现问题。");
    expect(results()).toHaveTextContent("没有发现问题。");
  });

  it("checks as it opens, where the page asks it to", async () => {
    open({ checkOnOpen: true });
    await waitFor(() => expect(status()).toHaveTextContent("发现强制问题 2 项、提示 2 项。"));
    expect(fake.runs.length).toBeGreaterThan(0);
  });

  it("a failed read is said in the status line, in Chinese", async () => {
    (globalThis as unknown as { Excel: { run: unknown } }).Excel.run = () => Promise.reject(Object.assign(new Error("AccessDenied"), { code: "AccessDenied" }));
    open();
    fireEvent.click(button("一键校验"));
    await waitFor(() => expect(status()).toHaveTextContent("无法访问工作簿（AccessDenied）"));
    expect(button("一键校验")).toBeEnabled();
  });
});
