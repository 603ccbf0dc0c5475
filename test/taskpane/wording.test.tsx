/** @jest-environment jsdom */
import "../setup/textEncoding";
import * as React from "react";
import { render, screen, within, fireEvent, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/ui/App";
import { WordingPanel } from "../../src/ui/components/WordingPanel";
import { Assistant } from "../../src/app/assistant";
import { MemoryLibraryStore } from "../../src/app/libraryStore";
import { WordingController } from "../../src/app/wording";
import { ExcelHost, DocumentSettingsStorage } from "../../src/hosts/excel/excelHost";
import { addToLibrary, analyze, emptyLibrary, itemsOfForm, WorkbookSnapshot } from "../../src/engine";
import { installFakeExcel, FakeExcel } from "../fakes/fakeExcel";
import { exampleSnapshot } from "../helpers/example";


let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = await exampleSnapshot();
});

/** This year's (2022) form: the seed with its year moved and 存在问题 / 改进措施 empty. */
function form2022(): WorkbookSnapshot {
  const s: WorkbookSnapshot = JSON.parse(JSON.stringify(seed));
  s.sheets[0].cells[3][6] = { v: "2022年" };
  s.sheets[0].cells[51][1] = undefined;
  s.sheets[0].cells[52][1] = undefined;
  return s;
}

async function setup() {
  const fake: FakeExcel = installFakeExcel(form2022());
  const assistant = new Assistant(new ExcelHost(new DocumentSettingsStorage()));
  const store = new MemoryLibraryStore();
  await store.save(addToLibrary(emptyLibrary(), itemsOfForm(analyze(seed).form!, { file: "2021年自评表.xlsx" })));
  render(
    <FluentProvider theme={webLightTheme}>
      <App assistant={assistant}>
        <WordingPanel wording={new WordingController(assistant, store)} download={() => undefined} />
      </App>
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
  await screen.findByRole("list", { name: "校验结果" });
  return { fake, assistant, store };
}

describe("the 建议 panel", () => {
  it("ranks 2021 items for 存在问题 with their source and an adapted preview; 插入 writes, 撤销 restores", async () => {
    const { fake } = await setup();
    const list = await screen.findByRole("list", { name: "建议" });
    const items = within(list).getAllByRole("listitem");
    expect(items.length).toBeGreaterThanOrEqual(3);
    const firstThree = items.slice(0, 3).map((i) => within(i).getByLabelText("预览").textContent ?? (within(i).getByLabelText("预览") as HTMLTextAreaElement).value);
    for (const topic of ["垃圾分类", "燃气安全", "违建"]) expect(firstThree.some((t) => t.includes(topic))).toBe(true);
    expect(items[0]).toHaveTextContent("来源：2021年 · 2021年自评表.xlsx · B52");
    fireEvent.click(within(items[0]).getByRole("button", { name: "插入" }));
    await waitFor(() => expect(String(fake.cell(0, "B52")?.v ?? "")).toMatch(/^\(一\) 需/));
    // The measure that answered it, into 改进措施.
    const after = within(await screen.findByRole("list", { name: "建议" })).getAllByRole("listitem");
    fireEvent.click(within(after[0]).getByRole("button", { name: "插入对应的改进措施" }));
    await waitFor(() => expect(String(fake.cell(0, "B53")?.v ?? "")).toMatch(/^\(一\) /));
    fireEvent.click(screen.getByRole("button", { name: "撤销" }));
    await waitFor(() => expect(fake.cell(0, "B53")?.v ?? null).toBeNull());
    expect(String(fake.cell(0, "B52")?.v)).toMatch(/^\(一\) 需/);
  });

  it("inserts a standard outline from the 模板 menu, and undoes it", async () => {
    const { fake } = await setup();
    fireEvent.change(screen.getByRole("combobox", { name: "栏目" }), { target: { value: "keyProject" } });
    fireEvent.change(screen.getByRole("combobox", { name: "插入方式" }), { target: { value: "replace" } });
    fireEvent.change(screen.getByRole("combobox", { name: "模板" }), { target: { value: "key-project-report" } });
    const before = fake.cell(0, "B50")!.v;
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    // B50 holds last year's report: replacing it asks first, and nothing is written before the yes.
    const ask = await screen.findByRole("alertdialog", { name: "请确认" });
    expect(ask).toHaveTextContent(/重点项目绩效情况已有内容「<p>“质量监测中心运行经费”项目绩效自评报告<…」，替换后原有内容将被覆盖（可用「撤销」恢复）/);
    expect(fake.cell(0, "B50")!.v).toBe(before);
    fireEvent.click(within(ask).getByRole("button", { name: "确定" }));
    await waitFor(() => expect(String(fake.cell(0, "B50")!.v)).toMatch(/^“【项目名称】”项目绩效自评报告\n一、基本情况\n（一）项目实施情况/));
    await waitFor(() => expect(screen.getByRole("button", { name: "撤销" })).not.toBeDisabled());
    fireEvent.click(screen.getByRole("button", { name: "撤销" }));
    await waitFor(() => expect(fake.cell(0, "B50")!.v).toBe(before));
  });

  it("writes into the selected cell when asked to", async () => {
    const { fake, assistant } = await setup();
    await assistant.select({ sheet: 0, row: 12, col: 3 }); // D13, an empty cell
    fireEvent.change(screen.getByRole("combobox", { name: "写入位置" }), { target: { value: "selected" } });
    fireEvent.change(screen.getByRole("combobox", { name: "栏目" }), { target: { value: "problems" } });
    fireEvent.change(screen.getByRole("combobox", { name: "模板" }), { target: { value: "problems-skeleton" } });
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await waitFor(() => expect(String(fake.cell(0, "D13")?.v ?? "")).toMatch(/^（一）预算编制和执行方面/));
  });

  it("imports a library exported as JSON, and clears it in one click", async () => {
    const { store } = await setup();
    const json = JSON.stringify(await store.load());
    fireEvent.click(screen.getByRole("button", { name: "清空措辞库" }));
    await waitFor(() => expect(screen.getByText("措辞库已清空")).toBeInTheDocument());
    expect((await store.load()).items).toEqual([]);
    const file = new File([json], "ziping-措辞库.json", { type: "application/json" });
    Object.defineProperty(file, "text", { value: async () => json });
    fireEvent.change(screen.getByLabelText("导入往年自评表或措辞库"), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByText(/「ziping-措辞库.json」导入 22 条/)).toBeInTheDocument());
    expect((await store.load()).items).toHaveLength(22);
  });

  describe("never writes where text does not belong, never replaces by surprise (#16)", () => {
    const selectedInsert = async (assistant: Assistant, a1: [number, number], mode = "append") => {
      await assistant.select({ sheet: 0, row: a1[0], col: a1[1] });
      fireEvent.change(screen.getByRole("combobox", { name: "写入位置" }), { target: { value: "selected" } });
      fireEvent.change(screen.getByRole("combobox", { name: "插入方式" }), { target: { value: mode } });
      fireEvent.change(screen.getByRole("combobox", { name: "栏目" }), { target: { value: "problems" } });
      fireEvent.change(screen.getByRole("combobox", { name: "模板" }), { target: { value: "problems-skeleton" } });
      fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    };

    it("refuses a figure cell (D5, 部门调整预算收入) with the reason, even with 替换原有内容", async () => {
      const { fake, assistant } = await setup();
      await selectedInsert(assistant, [4, 3], "replace");
      await waitFor(() => expect(screen.getByText(/D5 是部门调整预算收入，不写入文字。文字只写入本表的文字栏目/)).toBeInTheDocument());
      expect(fake.cell(0, "D5")!.v).toBe(18372.1);
    });

    it("refuses a label cell (E5), so the form stays recognizable", async () => {
      const { fake, assistant } = await setup();
      const label = fake.cell(0, "E5")!.v;
      await selectedInsert(assistant, [4, 4]);
      await waitFor(() => expect(screen.getByText(/E5 是表格的栏目名称「.+」，写入会使表格无法识别/)).toBeInTheDocument());
      expect(fake.cell(0, "E5")!.v).toBe(label);
    });

    it("refuses a derived cell (D8, 预算完成率)", async () => {
      const { fake, assistant } = await setup();
      const rate = fake.cell(0, "D8")!.v;
      await selectedInsert(assistant, [7, 3]);
      await waitFor(() => expect(screen.getByText(/D8 是(计算项「.+」|公式单元格)/)).toBeInTheDocument());
      expect(fake.cell(0, "D8")!.v).toBe(rate);
    });

    it("continues the numbering of the items already there: after (三) comes (四)", async () => {
      const { fake } = await setup();
      fireEvent.change(screen.getByRole("combobox", { name: "栏目" }), { target: { value: "problems" } });
      fireEvent.change(screen.getByRole("combobox", { name: "模板" }), { target: { value: "problems-skeleton" } });
      fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
      await waitFor(() => expect(String(fake.cell(0, "B52")?.v ?? "")).toMatch(/^（一）预算编制/));
      // The same template again: it asks first; said yes, its items are (四)–(六), not a second (一).
      fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
      const ask = await screen.findByRole("alertdialog", { name: "请确认" });
      expect(ask).toHaveTextContent("存在问题中已有这段文字，确定再插入一次吗？");
      fireEvent.click(within(ask).getByRole("button", { name: "确定" }));
      await waitFor(() => expect(String(fake.cell(0, "B52")!.v)).toContain("\n（四）预算编制和执行方面"));
      expect(String(fake.cell(0, "B52")!.v)).toContain("\n（六）项目管理和资金使用方面");
      expect(String(fake.cell(0, "B52")!.v).match(/（一）/g)).toHaveLength(1);
    });

    it("取消 writes nothing", async () => {
      const { fake } = await setup();
      fireEvent.change(screen.getByRole("combobox", { name: "栏目" }), { target: { value: "keyProject" } });
      fireEvent.change(screen.getByRole("combobox", { name: "插入方式" }), { target: { value: "replace" } });
      fireEvent.change(screen.getByRole("combobox", { name: "模板" }), { target: { value: "key-project-report" } });
      const before = fake.cell(0, "B50")!.v;
      fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
      fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "取消" }));
      await waitFor(() => expect(screen.getByText("已取消，未写入。")).toBeInTheDocument());
      expect(fake.cell(0, "B50")!.v).toBe(before);
      expect(screen.queryByRole("alertdialog")).toBeNull();
    });

    it("an inserted suggestion leaves the list, and the result is said in the panel", async () => {
      const { fake } = await setup();
      const list = await screen.findByRole("list", { name: "建议" });
      const first = within(list).getAllByRole("listitem")[0];
      const text = (within(first).getByLabelText("预览") as HTMLTextAreaElement).value;
      fireEvent.click(within(first).getByRole("button", { name: "插入" }));
      await waitFor(() => expect(String(fake.cell(0, "B52")?.v ?? "")).toBe(text));
      const panel = screen.getByRole("region", { name: "建议与模板" });
      await waitFor(() => expect(within(panel).getAllByRole("status")[0]).toHaveTextContent("已修改 B52。"));
      const now = within(await screen.findByRole("list", { name: "建议" })).getAllByRole("listitem");
      expect(now.map((i) => (within(i).getByLabelText("预览") as HTMLTextAreaElement).value)).not.toContain(text);
      expect(fake.selected).toEqual({ sheet: fake.sheets[0].name, address: "B52" });
    });

    it("does not show a relevance figure, and marks an item from another department", async () => {
      const { store } = await setup();
      const lib = await store.load();
      const other = lib.items.map((i) => ({ ...i, id: `${i.id}-x`, department: "广州市某区水务局", file: "水务局2021.xlsx" }));
      expect(screen.getByRole("region", { name: "建议与模板" }).textContent).not.toMatch(/相关度/);
      fireEvent.click(screen.getByRole("button", { name: "清空措辞库" }));
      await screen.findByText("措辞库已清空");
      const json = JSON.stringify({ ...lib, items: other });
      const file = new File([json], "other.json", { type: "application/json" });
      Object.defineProperty(file, "text", { value: async () => json });
      fireEvent.change(screen.getByLabelText("导入往年自评表或措辞库"), { target: { files: [file] } });
      const items = within(await screen.findByRole("list", { name: "建议" })).getAllByRole("listitem");
      expect(items[0]).toHaveTextContent("广州市某区水务局");
      expect(items[0]).toHaveTextContent("（其他单位）");
    });

    it("says what kinds of file can be imported when a file holds no usable form", async () => {
      await setup();
      const bytes = new Uint8Array(fsReadSample("test/fixtures/real/01-sichuan-project/form.xlsx"));
      const file = new File([bytes], "项目表.xlsx");
      Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer });
      fireEvent.change(screen.getByLabelText("导入往年自评表或措辞库"), { target: { files: [file] } });
      const panel = screen.getByRole("region", { name: "建议与模板" });
      await waitFor(() => expect(panel).toHaveTextContent("「项目表.xlsx」中没有可用于措辞的自评表（可导入往年的部门整体支出绩效自评表（.xlsx，含存在问题、改进措施等栏目），或导出的措辞库（.json）；.xls 请先在 Excel 或 WPS 中另存为 .xlsx）。"));
    });
  });
});

function fsReadSample(rel: string): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require("fs") as typeof import("fs");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require("path") as typeof import("path");
  const dir = path.join(__dirname, "..", "..", rel.split("/").slice(0, -1).join("/"));
  const found = fs.existsSync(dir) ? rel : fs.readdirSync(path.join(__dirname, "..", "fixtures", "real")).map((d) => `test/fixtures/real/${d}/form.xlsx`)[0];
  return fs.readFileSync(path.join(__dirname, "..", "..", found));
}

describe("导出措辞库 where a page cannot download (Excel on Mac, WPS)", () => {
  afterEach(() => Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true }));

  it("copies the library as JSON instead, and says where to paste it", async () => {
    let copied = "";
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (t: string) => void (copied = t) }, configurable: true });
    const { assistant, store } = await setup();
    Object.defineProperty(assistant.host, "canDownload", { value: false });
    fireEvent.click(screen.getByRole("button", { name: "导出措辞库" }));
    await waitFor(() => expect(screen.getByText("此处不能下载文件：措辞库已复制，请粘贴到记事本，另存为「ziping-措辞库.json」。")).toBeInTheDocument());
    expect(JSON.parse(copied).items).toHaveLength((await store.load()).items.length);
  });
});
