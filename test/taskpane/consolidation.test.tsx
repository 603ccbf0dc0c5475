/** @jest-environment jsdom */
/**
 * 汇总核对 and 复制问题清单 in the pane (#18): the 汇总 form open, the units' forms picked from disk,
 * the findings in the usual list, the sum written by 全部应用; the list copied as a table.
 */
import * as fs from "fs";
import * as path from "path";
import "../setup/textEncoding";
import * as React from "react";
import { render, screen, within, fireEvent, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/ui/App";
import { Assistant } from "../../src/app/assistant";
import { MemoryStorage } from "../../src/hosts/types";
import { BrowserHost } from "../../src/demo/browserHost";
import { GZ, GOOD_UNITS, ALL_UNITS } from "../consolidate/helpers";


function pane() {
  const host = BrowserHost.openBytes(new Uint8Array(fs.readFileSync(path.join(GZ, "汇总.xlsx"))), new MemoryStorage(), "汇总.xlsx");
  const assistant = new Assistant(host);
  render(
    <FluentProvider theme={webLightTheme}>
      <App assistant={assistant} />
    </FluentProvider>,
  );
  return { host, assistant };
}

const unitFile = (name: string) => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(GZ, "units", name)));
  const f = new File([bytes], name);
  Object.defineProperty(f, "arrayBuffer", { value: async () => bytes.buffer });
  return f;
};

async function checkWith(names: string[]) {
  fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
  await screen.findByRole("list", { name: "校验结果" });
  fireEvent.change(screen.getByLabelText("选择单位的自评表文件"), { target: { files: names.map(unitFile) } });
  await waitFor(() => expect(screen.getByText(/^已与 \d+ 个单位的表格核对/)).toBeInTheDocument());
}

describe("汇总核对 in the pane", () => {
  it("lists the 汇总 mismatch with the units' figures and files, and its 应用 writes the sum into the 汇总 cell", async () => {
    const { host, assistant } = pane();
    await checkWith(GOOD_UNITS);
    expect(screen.getByText(/^已与 3 个单位的表格核对：发现 \d+ 处不符/)).toBeInTheDocument();
    const units = screen.getByRole("list", { name: "计入合计的单位" });
    expect(within(units).getAllByRole("listitem")).toHaveLength(3);
    const list = screen.getByRole("list", { name: "校验结果" });
    const item = within(list)
      .getAllByRole("listitem")
      .find((i) => i.textContent!.includes("02-环境卫生管理所.xlsx"))!;
    expect(item).toBeDefined();
    for (const f of GOOD_UNITS) expect(item.textContent).toContain(f);
    const cell = item.getAttribute("aria-label")!.split(" ")[1];
    const finding = assistant.current.consolidation!.findings.find((f) => f.rule === "consolidation-sum" && f.fix?.length)!;
    const sum = finding.fix![0];
    const fix = within(item).getByRole("button", { name: new RegExp(`^应用：${cell}：`) });
    fireEvent.click(fix);
    await waitFor(() => expect(within(screen.getByRole("list", { name: "校验结果" })).queryAllByRole("listitem").some((i) => i.textContent!.includes("02-环境卫生管理所.xlsx") && i.getAttribute("aria-label")!.includes(` ${cell} `))).toBe(false));
    // The sum is in the 汇总 cell, and nothing else of the form changed.
    expect(host.pkg.snapshot().sheets[sum.cell.sheet].cells[sum.cell.row][sum.cell.col]!.v).toBe(sum.value);
    expect(sum.expected.value).not.toBe(sum.value);
  });

  it("says which unit files could not be counted, by file, and then offers no sum", async () => {
    pane();
    await checkWith(ALL_UNITS);
    const problems = within(screen.getByRole("list", { name: "需要注意的单位文件" })).getAllByRole("listitem").map((li) => li.textContent);
    expect(problems.some((p) => p!.startsWith("04-市政设施维护中心-2020.xlsx：") && p!.includes("2020"))).toBe(true);
    expect(problems.some((p) => p!.startsWith("05-通讯录.xlsx："))).toBe(true);
    expect(problems.some((p) => p!.startsWith("06-环境卫生管理所-副本.xlsx："))).toBe(true);
    const list = screen.getByRole("list", { name: "校验结果" });
    const sums = within(list)
      .getAllByRole("listitem")
      .filter((i) => i.textContent!.includes("02-环境卫生管理所.xlsx"));
    expect(sums.length).toBeGreaterThan(0);
    for (const i of sums) expect(within(i).queryByRole("button", { name: /^应用/ })).toBeNull();
  });

  it("清除 stops checking against the units", async () => {
    pane();
    await checkWith(GOOD_UNITS);
    fireEvent.click(screen.getByRole("button", { name: "清除" }));
    await waitFor(() => expect(screen.getByText("已清除单位文件，不再做汇总核对。")).toBeInTheDocument());
    await waitFor(() => expect(within(screen.getByRole("list", { name: "校验结果" })).queryAllByRole("listitem").filter((i) => i.textContent!.includes("02-环境卫生管理所.xlsx"))).toHaveLength(0));
  });
});

describe("复制问题清单", () => {
  afterEach(() => {
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
  });

  it("puts the findings on the clipboard as rows and columns that paste into Excel and WPS", async () => {
    let written = "";
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (t: string) => void (written = t) }, configurable: true });
    const { assistant } = pane();
    fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
    await screen.findByRole("list", { name: "校验结果" });
    fireEvent.click(screen.getByRole("button", { name: "复制问题清单" }));
    const n = assistant.current.analysis!.findings.length;
    await waitFor(() => expect(screen.getByText(`已复制 ${n} 条问题，可粘贴到 Excel 或 WPS 表格。`)).toBeInTheDocument());
    const rows = written.split("\r\n").filter(Boolean);
    expect(rows[0].split("\t")).toEqual(["文件", "工作表", "单元格", "栏目", "级别", "说明", "可自动修正"]);
    expect(rows).toHaveLength(n + 1);
    expect(rows[1].split("\t")[0]).toBe("汇总.xlsx");
  });

  it("offers the text to copy by hand where the pane may not write the clipboard", async () => {
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async () => Promise.reject(new Error("denied")) }, configurable: true });
    (document as unknown as { execCommand: () => boolean }).execCommand = () => false;
    pane();
    fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
    await screen.findByRole("list", { name: "校验结果" });
    fireEvent.click(screen.getByRole("button", { name: "复制问题清单" }));
    await waitFor(() => expect(screen.getByText("此处不允许写剪贴板：请选中下面的文字，按 Ctrl+C 复制。")).toBeInTheDocument());
    expect((screen.getByLabelText("问题清单") as HTMLTextAreaElement).value).toMatch(/^文件\t工作表\t单元格/);
  });
});
