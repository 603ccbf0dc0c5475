/** @jest-environment jsdom */
import { Assistant } from "../../src/app/assistant";
import { NOTICE, validateCommand } from "../../src/commands/validate";
import { ExcelHost } from "../../src/hosts/excel/excelHost";
import { MemoryStorage } from "../../src/hosts/types";
import { FakeExcel, installFakeExcel } from "../fakes/fakeExcel";
import { buildForm, withSpec } from "../helpers/formBuilder";

/** The ribbon's 一键校验: checks without the pane, opens it on errors, otherwise shows a notice (Dialog API). */
function withAddin(fake: FakeExcel) {
  const office = (globalThis as unknown as { Office: Record<string, any> }).Office;
  const showAsTaskpane = jest.fn(async () => undefined);
  office.addin = { showAsTaskpane };
  return { showAsTaskpane, office, dialogs: fake.dialogs };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Loads commands.html's script as the dialog sees it: its own Office, its own document. */
function loadNoticePage(fake: FakeExcel, hostOffice: unknown) {
  const d = fake.dialogs.current!;
  window.history.pushState({}, "", new URL(d.url).pathname + new URL(d.url).search);
  document.body.innerHTML = `<p id="message"></p><button id="close">关闭</button>`;
  (globalThis as unknown as { Office: unknown }).Office = fake.dialogs.pageOffice(d);
  jest.isolateModules(() => require("../../src/commands/notice"));
  // The page keeps its own Office (a dialog is a window of its own); the host page's comes back after.
  const back = () => void ((globalThis as unknown as { Office: unknown }).Office = hostOffice);
  return Object.assign(d, { back });
}

beforeEach(() => {
  NOTICE.retryMs = 5;
  NOTICE.closeAfterMs = 60_000;
});

test("a form with errors opens the pane", async () => {
  const fake = installFakeExcel(buildForm(withSpec({ adjustment: 1 })));
  const spies = withAddin(fake);
  const completed = jest.fn();
  await validateCommand(new Assistant(new ExcelHost(new MemoryStorage())), { completed });
  expect(spies.showAsTaskpane).toHaveBeenCalledTimes(1);
  expect(fake.dialogs.opened).toEqual([]);
  expect(completed).toHaveBeenCalledTimes(1);
});

test("a clean form gets a notice; its 关闭 closes it through the Dialog API", async () => {
  const fake = installFakeExcel(buildForm(withSpec({})));
  const { office } = withAddin(fake);
  const completed = jest.fn();
  await validateCommand(new Assistant(new ExcelHost(new MemoryStorage())), { completed });
  const url = new URL(fake.dialogs.current!.url);
  expect(url.pathname).toMatch(/commands\.html$/);
  expect(url.searchParams.get("msg")).toBe("校验通过：没有发现问题。");
  expect(completed).toHaveBeenCalledTimes(1);
  const d = loadNoticePage(fake, office);
  expect(document.getElementById("message")!.textContent).toBe("校验通过：没有发现问题。");
  expect(d.page.onReadyCalled).toBe(true); // messageParent works only after Office.onReady
  document.getElementById("close")!.click();
  d.back();
  expect(d.closed).toBe(true);
});

test("the notice closes itself after a few seconds", async () => {
  jest.useFakeTimers();
  try {
    const fake = installFakeExcel(buildForm(withSpec({})));
    const { office } = withAddin(fake);
    await validateCommand(new Assistant(new ExcelHost(new MemoryStorage())), { completed: () => undefined });
    const d = loadNoticePage(fake, office);
    jest.advanceTimersByTime(5900);
    expect(d.closed).toBe(false);
    jest.advanceTimersByTime(100);
    d.back();
    expect(d.closed).toBe(true);
  } finally {
    jest.useRealTimers();
  }
});

test("a notice whose page never answers is closed by the function page", async () => {
  NOTICE.closeAfterMs = 20;
  const fake = installFakeExcel(buildForm(withSpec({})));
  withAddin(fake);
  await validateCommand(new Assistant(new ExcelHost(new MemoryStorage())), { completed: () => undefined });
  expect(fake.dialogs.current).toBeDefined();
  await tick(40);
  expect(fake.dialogs.current).toBeUndefined();
});

test("a second 一键校验 while a notice is open shows a new notice (the fake refuses two at once, as Office does)", async () => {
  const fake = installFakeExcel(buildForm(withSpec({})));
  const { office } = withAddin(fake);
  // The fake itself: a second dialog from the same page fails with 12007.
  const refused = await new Promise<{ status: string; error?: { code: number } }>((resolve) => {
    office.context.ui.displayDialogAsync("https://localhost:3000/commands.html", {}, () =>
      office.context.ui.displayDialogAsync("https://localhost:3000/commands.html", {}, resolve),
    );
  });
  expect(refused).toMatchObject({ status: "failed", error: { code: 12007 } });
  fake.dialogs.userCloses();
  const assistant = new Assistant(new ExcelHost(new MemoryStorage()));
  const completed = jest.fn();
  await validateCommand(assistant, { completed });
  const first = fake.dialogs.current!;
  await validateCommand(assistant, { completed });
  const second = fake.dialogs.current!;
  expect(second).not.toBe(first);
  expect(first.closed).toBe(true);
  expect(new URL(second.url).searchParams.get("msg")).toContain("校验通过");
  expect(completed).toHaveBeenCalledTimes(2);
});

test("a workbook without a form says so, and the command still completes when the host fails", async () => {
  const fake = installFakeExcel({ sheets: [{ name: "Sheet1", cells: [[{ v: "x" }]], merges: [] }] });
  withAddin(fake);
  const completed = jest.fn();
  await validateCommand(new Assistant(new ExcelHost(new MemoryStorage())), { completed });
  expect(new URL(fake.dialogs.current!.url).searchParams.get("msg")).toContain("未找到");
  (globalThis as unknown as { Excel: { run: () => Promise<never> } }).Excel.run = async () => {
    throw Object.assign(new Error("boom"), { code: "GeneralException" });
  };
  await validateCommand(new Assistant(new ExcelHost(new MemoryStorage())), { completed });
  expect(completed).toHaveBeenCalledTimes(2);
});

test("on a cold start the command and the opening pane read the workbook once", async () => {
  const fake = installFakeExcel(buildForm(withSpec({})));
  withAddin(fake);
  const host = new ExcelHost(new MemoryStorage());
  const reads = jest.spyOn(host, "readSnapshot");
  const assistant = new Assistant(host);
  const paneCheck = assistant.check(); // the pane's check on opening
  await validateCommand(assistant, { completed: () => undefined });
  await paneCheck;
  expect(reads).toHaveBeenCalledTimes(1);
  expect(fake.runs[0]).toBe(2); // one Excel.run of two syncs read it
  // A check asked for later reads again.
  await assistant.check();
  expect(reads).toHaveBeenCalledTimes(2);
});
