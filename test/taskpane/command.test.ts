/** @jest-environment jsdom */
import { Assistant } from "../../src/app/assistant";
import { validateCommand } from "../../src/commands/validate";
import { ExcelHost } from "../../src/hosts/excel/excelHost";
import { MemoryStorage } from "../../src/hosts/types";
import { installFakeExcel } from "../fakes/fakeExcel";
import { buildForm, withSpec } from "../helpers/formBuilder";

/** The ribbon's 一键校验: checks without the pane, opens it on errors, otherwise shows a notice. */
function officeSpies() {
  const office = (globalThis as unknown as { Office: Record<string, any> }).Office;
  const showAsTaskpane = jest.fn(async () => undefined);
  const displayDialogAsync = jest.fn((_url: string, _opts: unknown, cb: () => void) => cb());
  office.addin = { showAsTaskpane };
  office.context.ui = { displayDialogAsync };
  return { showAsTaskpane, displayDialogAsync };
}

test("a form with errors opens the pane", async () => {
  installFakeExcel(buildForm(withSpec({ adjustment: 1 })));
  const spies = officeSpies();
  const completed = jest.fn();
  await validateCommand(new Assistant(new ExcelHost(new MemoryStorage())), { completed });
  expect(spies.showAsTaskpane).toHaveBeenCalledTimes(1);
  expect(spies.displayDialogAsync).not.toHaveBeenCalled();
  expect(completed).toHaveBeenCalledTimes(1);
});

test("a clean form gets a notice and no pane", async () => {
  installFakeExcel(buildForm(withSpec({})));
  const spies = officeSpies();
  const completed = jest.fn();
  await validateCommand(new Assistant(new ExcelHost(new MemoryStorage())), { completed });
  expect(spies.showAsTaskpane).not.toHaveBeenCalled();
  const url = new URL(spies.displayDialogAsync.mock.calls[0][0]);
  expect(url.pathname).toMatch(/commands\.html$/);
  expect(url.searchParams.get("msg")).toBe("校验通过：没有发现问题。");
  expect(completed).toHaveBeenCalledTimes(1);
});

test("a workbook without a form says so, and the command still completes when the host fails", async () => {
  installFakeExcel({ sheets: [{ name: "Sheet1", cells: [[{ v: "x" }]], merges: [] }] });
  const spies = officeSpies();
  const completed = jest.fn();
  await validateCommand(new Assistant(new ExcelHost(new MemoryStorage())), { completed });
  expect(new URL(spies.displayDialogAsync.mock.calls[0][0]).searchParams.get("msg")).toContain("未找到部门整体支出绩效自评表");
  (globalThis as unknown as { Excel: { run: () => Promise<never> } }).Excel.run = async () => {
    throw Object.assign(new Error("boom"), { code: "GeneralException" });
  };
  await validateCommand(new Assistant(new ExcelHost(new MemoryStorage())), { completed });
  expect(completed).toHaveBeenCalledTimes(2);
});
