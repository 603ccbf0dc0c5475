/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";
import { act, screen, fireEvent, waitFor } from "@testing-library/react";
import { createAddin, saveAnywayOnce } from "../../src/wps/addin";
import { FakeEtApp, FakeRibbon } from "../fakes/fakeEt";
import { buildForm, otherSheet, withSpec } from "../helpers/formBuilder";

const ROOT = path.join(__dirname, "..", "..");
const PANE = "http://127.0.0.1:3889/ziping/taskpane.html";

function setup(spec = withSpec({ adjustment: 1 }), options: ConstructorParameters<typeof FakeEtApp>[1] = {}) {
  const app = new FakeEtApp(buildForm(spec), options);
  const alerts: string[] = [];
  const later: (() => void)[] = [];
  const addin = createAddin(app, PANE, { alert: (t) => alerts.push(t), later: (fn) => later.push(fn) });
  addin.register();
  return { app, addin, alerts, later };
}

/** The user corrects G5 (年度预算调整数) of the built form. */
const fixG5 = (app: FakeEtApp) => void (app.ActiveWorkbook.sheets[0].Range("G5").Value2 = 200);

describe("validation before save", () => {
  it("holds back the save of a form with errors and opens the pane on its findings", () => {
    const { app } = setup();
    app.ActiveWorkbook.Save();
    expect(app.ActiveWorkbook.saves).toBe(0);
    expect(app.ApiEvent.Cancel).toBe(true);
    expect(app.panes).toHaveLength(1);
    expect(app.panes[0].url).toMatch(/^http:\/\/127\.0\.0\.1:3889\/ziping\/taskpane\.html\?beforeSave=1/);
    expect(app.panes[0]).toMatchObject({ Visible: true, DockPosition: 2 });
  });

  it("sets Cancel.Value too where the callback receives it", () => {
    const { addin, app } = setup();
    const cancel = { Value: false };
    addin.beforeSave(app.ActiveWorkbook, false, cancel);
    expect(cancel.Value).toBe(true);
  });

  it("sets ApiEvent.Cancel back to false first: once the form is corrected, the next save goes through", () => {
    // WPS does not reset Cancel between saves (the fake does not either).
    const { app } = setup();
    app.ActiveWorkbook.Save();
    expect(app.ActiveWorkbook.saves).toBe(0);
    fixG5(app);
    app.ActiveWorkbook.Save();
    expect(app.ActiveWorkbook.saves).toBe(1);
    expect(app.ApiEvent.Cancel).toBe(false);
  });

  it("lets a form without errors save without a prompt", () => {
    const { app } = setup(withSpec({}));
    app.ActiveWorkbook.Save();
    expect(app.ActiveWorkbook.saves).toBe(1);
    expect(app.panes).toEqual([]);
  });

  it("never touches a workbook without a form", () => {
    const app = new FakeEtApp({ sheets: [otherSheet("工资表")] });
    createAddin(app, PANE, { alert: () => undefined }).register();
    app.ActiveWorkbook.Save();
    expect(app.ActiveWorkbook.saves).toBe(1);
    expect(app.ApiEvent.Cancel).toBe(false);
    expect(app.panes).toEqual([]);
  });

  it("passes over chart sheets, and a failing read never stops a save", () => {
    const { app } = setup(withSpec({}), { chartSheets: [{ name: "图表1", at: 0 }] });
    app.ActiveWorkbook.Save();
    expect(app.ActiveWorkbook.saves).toBe(1);
    // A workbook whose read throws still saves, with the Cancel left over from an earlier hold reset.
    const broken = setup();
    broken.app.ApiEvent.Cancel = true;
    const raw = (broken.app.ActiveWorkbook as unknown as { __raw: object }).__raw;
    Object.defineProperty(raw, "Worksheets", { get: () => { throw new Error("读取失败"); } });
    broken.app.ActiveWorkbook.Save();
    expect(broken.app.ActiveWorkbook.saves).toBe(1);
    expect(broken.app.ApiEvent.Cancel).toBe(false);
  });

  it("checks the workbook being saved, not the one in front", () => {
    const { app } = setup(); // 自评表.xlsx, with an error
    const clean = app.open(buildForm(withSpec({})), "另一张.xlsx");
    expect(app.ActiveWorkbook.Name).toBe("另一张.xlsx");
    app.books[0].Save();
    expect(app.books[0].saves).toBe(0);
    clean.Save();
    expect(clean.saves).toBe(1);
  });

  it("仍然保存 saves the held-back workbook once; the next save with errors is held back again", () => {
    const { app } = setup();
    app.ActiveWorkbook.Save();
    app.open(buildForm(withSpec({})), "另一张.xlsx"); // the user moved on
    expect(saveAnywayOnce(app)).toBe("已保存「自评表.xlsx」。");
    expect(app.books[0].saves).toBe(1);
    expect(app.books[1].saves).toBe(0);
    app.books[0].Save();
    expect(app.books[0].saves).toBe(1);
    expect(app.panes).toHaveLength(1); // the same pane, loaded again
  });
});

describe("the task pane", () => {
  it("keeps the pane's ID as the number WPS returns: 打开助手 twice shows one pane", () => {
    const { app, addin } = setup(withSpec({}));
    addin.OnAction({ Id: "ZiPing.OpenPane" });
    addin.OnAction({ Id: "ZiPing.OpenPane" });
    expect(app.panes).toHaveLength(1);
    expect(app.storage.get("ziping.et.paneId")).toBe("1"); // PluginStorage keeps text
    // Another page of the add-in (or the index page loaded again) finds it from the stored text.
    const again = createAddin(app, PANE, { alert: () => undefined });
    again.OnAction({ Id: "ZiPing.OpenPane" });
    expect(app.panes).toHaveLength(1);
  });

  it("一键校验 on an open pane checks again there (the pane is loaded anew), without a message box", () => {
    const { app, addin, alerts } = setup(withSpec({}));
    addin.OnAction({ Id: "ZiPing.OpenPane" });
    const before = app.panes[0].navigations;
    addin.OnAction({ Id: "ZiPing.Validate" });
    expect(app.panes[0].navigations).toBe(before + 1);
    expect(app.panes[0].url).toMatch(/\?check=\d+$/);
    expect(alerts).toEqual([]);
    addin.OnAction({ Id: "ZiPing.Validate" });
    expect(app.panes[0].navigations).toBe(before + 2);
  });

  it("a passing check is said in a message box, not only in the status bar", () => {
    const { app, addin, alerts } = setup(withSpec({}));
    addin.OnAction({ Id: "ZiPing.Validate" });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain("校验通过");
    expect(app.StatusBar).toContain("校验通过");
    expect(app.panes).toEqual([]);
  });

  it("a workbook without a form is said so in a message box", () => {
    const app = new FakeEtApp({ sheets: [otherSheet("工资表")] });
    const alerts: string[] = [];
    createAddin(app, PANE, { alert: (t) => alerts.push(t) }).OnAction({ Id: "ZiPing.Validate" });
    expect(alerts[0]).toContain("未找到");
  });

  it("一键校验 opens the pane when there are errors", () => {
    const { app, addin, alerts } = setup();
    addin.OnAction({ Id: "ZiPing.Validate" });
    expect(app.StatusBar).toContain("发现强制问题");
    expect(app.panes).toHaveLength(1);
    expect(alerts).toEqual([]);
  });
});

describe("the ribbon", () => {
  const ribbon = fs.readFileSync(path.join(ROOT, "src", "wps", "ribbon.xml"), "utf8");

  it("starts with <customUI and has a 自评助手 tab with 一键校验 and 打开助手", () => {
    expect(ribbon.startsWith("<customUI")).toBe(true);
    expect(ribbon).toContain('label="自评助手"');
    expect(ribbon).toContain('label="一键校验"');
    expect(ribbon).toContain('label="打开助手"');
  });

  it("is asked again when a workbook opens and after it closes: 一键校验 never stays grey", () => {
    const app = new FakeEtApp(); // WPS started without a workbook
    const later: (() => void)[] = [];
    const alerts: string[] = [];
    const addin = createAddin(app, PANE, { alert: (t) => alerts.push(t), later: (fn) => later.push(fn) });
    addin.register();
    const ui = new FakeRibbon(addin, ["ZiPing.Validate", "ZiPing.OpenPane"]);
    expect(ui.enabled.get("ZiPing.Validate")).toBe(false);
    expect(ui.enabled.get("ZiPing.OpenPane")).toBe(true);
    const wb = app.open(buildForm(withSpec({})), "自评表.xlsx");
    expect(ui.enabled.get("ZiPing.Validate")).toBe(true);
    wb.Close();
    later.splice(0).forEach((fn) => fn());
    expect(ui.enabled.get("ZiPing.Validate")).toBe(false);
    // 打开助手 without a workbook opens the pane, which says what to do; 一键校验 would say so too.
    addin.OnAction({ Id: "ZiPing.Validate" });
    expect(alerts[0]).toContain("请先打开要检查的自评表");
  });

  it("names callbacks that the index page defines as plain functions", async () => {
    const app = new FakeEtApp(buildForm(withSpec({})));
    (window as unknown as { Application: unknown }).Application = app;
    const alert = jest.spyOn(window, "alert").mockImplementation(() => undefined);
    await import("../../src/wps/main");
    const names = [...new Set([...ribbon.matchAll(/(?:onLoad|onAction|getImage|getEnabled|getLabel|getVisible)="([^"]+)"/g)].map((m) => m[1]))];
    expect(names.sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad", "OnGetEnabled"]);
    for (const n of names) expect(typeof (window as unknown as Record<string, unknown>)[n]).toBe("function");
    const w = window as unknown as Record<string, (c: unknown) => unknown>;
    expect(w.OnAddinLoad({})).toBe(true);
    expect(w.GetImage({ Id: "ZiPing.Validate" })).toBe("images/icon-32.png");
    expect(w.OnGetEnabled({ Id: "ZiPing.Validate" })).toBe(true);
    // 一键校验 on a clean form: a message box, no pane.
    expect(w.OnAction({ Id: "ZiPing.Validate" })).toBe(true);
    expect(alert).toHaveBeenCalledWith(expect.stringContaining("校验通过"));
    expect(app.panes).toEqual([]);
    // 打开助手 opens the pane docked right.
    w.OnAction({ Id: "ZiPing.OpenPane" });
    expect(app.panes[0]).toMatchObject({ Visible: true, DockPosition: 2 });
    alert.mockRestore();
  });
});

describe("the shared pane inside WPS", () => {
  it("checks through the WPS host and offers 仍然保存 after a held-back save", async () => {
    const { app } = setup();
    app.ActiveWorkbook.Save();
    window.history.pushState({}, "", "/taskpane.html?beforeSave=1");
    const container = document.createElement("div");
    document.body.appendChild(container);
    const { startWpsPane } = await import("../../src/wps/pane");
    act(() => startWpsPane(app as never, container));
    expect(await screen.findByRole("list", { name: "校验结果" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "仍然保存" }));
    await waitFor(() => expect(app.ActiveWorkbook.saves).toBe(1));
    expect(screen.getByText("已保存「自评表.xlsx」。")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: /^应用.*G5/ }));
    await waitFor(() => expect(app.ActiveWorkbook.sheets[0].cells.get("4:6")!.v).toBe(200));
  });
});
