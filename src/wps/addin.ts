/// <reference types="et-jsapi-declare" />
import { analyze, foundForm, hasErrors } from "../engine";
import { WpsHost } from "../hosts/wps/wpsHost";

type EtApp = typeof Application;

/** WPS dock positions are ambient enums (Kso.MsoCTPDockPosition): their numbers are used. */
const DOCK_RIGHT = 2;
const PANE_ID_KEY = "ziping.paneId";
const SAVE_ANYWAY_KEY = "ziping.saveAnyway";

interface Control {
  Id: string;
}

/**
 * The WPS add-in's index page: ribbon callbacks (plain synchronous functions, as WPS calls them)
 * and the WorkbookBeforeSave listener that holds back a form with error-level findings.
 */
export function createAddin(app: EtApp, paneUrl: string) {
  const host = new WpsHost(app);
  const storage = app.PluginStorage as unknown as { getItem(k: string): string | null | undefined; setItem(k: string, v: string): void; removeItem(k: string): void };
  let ribbon: { Invalidate?(): void } | undefined;

  function status(text: string): void {
    try {
      (app as unknown as { StatusBar: string }).StatusBar = text;
    } catch {
      /* some builds have no status bar property */
    }
  }

  function openPane(query = ""): void {
    const a = app as unknown as Record<string, (...args: unknown[]) => { ID: string; Visible: boolean; DockPosition: number; Navigate(u: string): void } | undefined>;
    const id = storage.getItem(PANE_ID_KEY);
    let pane = id ? (a.GetTaskPane ?? a.GetTaskpane)?.call(app, id) : undefined;
    const url = paneUrl + query;
    if (!pane) {
      pane = (a.CreateTaskPane ?? a.CreateTaskpane).call(app, url, "ZiPing 自评助手");
      if (!pane) return;
      storage.setItem(PANE_ID_KEY, String(pane.ID));
    } else if (query) pane.Navigate(url);
    pane.DockPosition = DOCK_RIGHT;
    pane.Visible = true;
  }

  /** 一键校验: checks at once; opens the pane when there are errors, otherwise says so in the status bar. */
  function validate(): void {
    const a = analyze(host.readSnapshotSync());
    if (!foundForm(a)) {
      status(a.recognition.reason ?? "未找到自评表");
      return;
    }
    const errors = a.findings.filter((f) => f.severity === "error").length;
    status(errors ? `ZiPing：发现强制问题 ${errors} 项，已打开助手` : `ZiPing：校验通过，没有强制问题（提示 ${a.findings.length} 项）`);
    if (errors) openPane();
  }

  /**
   * Before a save: a workbook holding a form with errors is not saved; the pane opens on its findings
   * and offers 仍然保存 (once). Forms without errors, and workbooks without a form, save as usual.
   */
  function beforeSave(_wb: unknown, _saveAsUi?: boolean, cancel?: unknown): void {
    if (storage.getItem(SAVE_ANYWAY_KEY) === "1") {
      storage.removeItem(SAVE_ANYWAY_KEY);
      return;
    }
    let analysis;
    try {
      analysis = analyze(host.readSnapshotSync());
    } catch {
      return; // never block a save because the check itself failed
    }
    if (!foundForm(analysis) || !hasErrors(analysis)) return;
    (app.ApiEvent as unknown as { Cancel: boolean }).Cancel = true;
    if (cancel && typeof cancel === "object") (cancel as { Value: boolean }).Value = true;
    openPane("?beforeSave=1");
  }

  return {
    OnAddinLoad(ribbonUI: { Invalidate?(): void }): boolean {
      ribbon = ribbonUI;
      return true;
    },
    OnAction(control: Control): boolean {
      if (control.Id === "ZiPing.Validate") validate();
      else if (control.Id === "ZiPing.OpenPane") openPane();
      return true;
    },
    GetImage(control: Control): string {
      return control.Id === "ZiPing.Validate" ? "images/icon-32.png" : "images/icon-32.png";
    },
    OnGetEnabled(_control: Control): boolean {
      return !!app.ActiveWorkbook;
    },
    register(): void {
      app.ApiEvent.AddApiEventListener("WorkbookBeforeSave", beforeSave as never);
    },
    beforeSave,
    validate,
    openPane,
    refresh(): void {
      ribbon?.Invalidate?.();
    },
  };
}

/** Lets the pane's 仍然保存 through the next save, once. */
export function saveAnywayOnce(app: EtApp): void {
  (app.PluginStorage as unknown as { setItem(k: string, v: string): void }).setItem(SAVE_ANYWAY_KEY, "1");
  app.ActiveWorkbook.Save();
}
