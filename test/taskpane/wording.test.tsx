/** @jest-environment jsdom */
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
});

