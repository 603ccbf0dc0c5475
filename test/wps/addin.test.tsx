/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { act, render, screen, fireEvent, waitFor } from "@testing-library/react";
import { createAddin, saveAnywayOnce } from "../../src/wps/addin";
import { FakeEtApp } from "../fakes/fakeEt";
import { buildForm, otherSheet, withSpec } from "../helpers/formBuilder";

const ROOT = path.join(__dirname, "..", "..");
const PANE = "http://127.0.0.1:3889/ziping/taskpane.html";

function setup(spec = withSpec({ adjustment: 1 })) {
  const app = new FakeEtApp(buildForm(spec));
  const addin = createAddin(app as never, PANE);
  addin.register();
  return { app, addin };
}

describe("validation before save", () => {
  it("holds back the save of a form with errors and opens the pane on its findings", () => {
    const { app } = setup();
    app.ActiveWorkbook.Save();
    expect(app.ActiveWorkbook.saves).toBe(0);
    expect(app.ApiEvent.Cancel).toBe(true);
    expect(app.panes).toHaveLength(1);
    expect(app.panes[0]).toMatchObject({ url: `${PANE}?beforeSave=1`, Visible: true, DockPosition: 2 });
  });

  it("sets Cancel.Value too where the callback receives it", () => {
    const { addin, app } = setup();
    const cancel = { Value: false };
    addin.beforeSave(app.ActiveWorkbook, false, cancel);
    expect(cancel.Value).toBe(true);
  });

  it("lets a form without errors save without a prompt", () => {
    const { app } = setup(withSpec({}));
    app.ActiveWorkbook.Save();
    expect(app.ActiveWorkbook.saves).toBe(1);
    expect(app.panes).toEqual([]);
  });

  it("never touches a workbook without a form", () => {
    const app = new FakeEtApp({ sheets: [otherSheet("工资表")] });
    createAddin(app as never, PANE).register();
    app.ActiveWorkbook.Save();
    expect(app.ActiveWorkbook.saves).toBe(1);
    expect(app.ApiEvent.Cancel).toBe(false);
    expect(app.panes).toEqual([]);
  });

  it("仍然保存 saves once; the next save with errors is held back again", () => {
    const { app } = setup();
    app.ActiveWorkbook.Save();
    saveAnywayOnce(app as never);
    expect(app.ActiveWorkbook.saves).toBe(1);
    app.ActiveWorkbook.Save();
    expect(app.ActiveWorkbook.saves).toBe(1);
    expect(app.panes).toHaveLength(1); // the same pane, navigated again
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

  it("names callbacks that the index page defines as plain functions", async () => {
    const app = new FakeEtApp(buildForm(withSpec({})));
    (window as unknown as { Application: unknown }).Application = app;
    await import("../../src/wps/main");
    const names = [...new Set([...ribbon.matchAll(/(?:onLoad|onAction|getImage|getEnabled|getLabel|getVisible)="([^"]+)"/g)].map((m) => m[1]))];
    expect(names.sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad", "OnGetEnabled"]);
    for (const n of names) expect(typeof (window as unknown as Record<string, unknown>)[n]).toBe("function");
    const w = window as unknown as Record<string, (c: unknown) => unknown>;
    expect(w.OnAddinLoad({})).toBe(true);
    expect(w.GetImage({ Id: "ZiPing.Validate" })).toBe("images/icon-32.png");
    expect(w.OnGetEnabled({ Id: "ZiPing.Validate" })).toBe(true);
    // 一键校验 on a clean form: a status line, no pane.
    expect(w.OnAction({ Id: "ZiPing.Validate" })).toBe(true);
    expect(app.StatusBar).toContain("校验通过");
    expect(app.panes).toEqual([]);
    // 打开助手 opens the pane docked right.
    w.OnAction({ Id: "ZiPing.OpenPane" });
    expect(app.panes[0]).toMatchObject({ Visible: true, DockPosition: 2 });
  });

  it("一键校验 opens the pane when there are errors", () => {
    const { app, addin } = setup();
    addin.OnAction({ Id: "ZiPing.Validate" });
    expect(app.StatusBar).toContain("发现强制问题");
    expect(app.panes).toHaveLength(1);
  });
});

describe("the shared pane inside WPS", () => {
  it("checks through the WPS host and offers 仍然保存 after a held-back save", async () => {
    const { app } = setup();
    window.history.pushState({}, "", "/taskpane.html?beforeSave=1");
    const container = document.createElement("div");
    document.body.appendChild(container);
    const { startWpsPane } = await import("../../src/wps/pane");
    act(() => startWpsPane(app as never, container));
    expect(await screen.findByRole("list", { name: "校验结果" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "仍然保存" }));
    await waitFor(() => expect(app.ActiveWorkbook.saves).toBe(1));
    fireEvent.click(screen.getByRole("button", { name: "应用 G5" }));
    await waitFor(() => expect(app.ActiveWorkbook.sheets[0].cells.get("4:6")!.v).toBe(200));
    void React;
    void render;
  });
});
