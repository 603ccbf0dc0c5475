import { Analysis, analyze, foundForm, hasErrors } from "../engine";
import { EtApp, EtBook, WpsHost } from "../hosts/wps/wpsHost";

/** WPS dock positions are ambient enums (Kso.MsoCTPDockPosition): their numbers are used. */
const DOCK_RIGHT = 2;
/**
 * PluginStorage is one store for the add-in in every WPS program (文字, 表格, 演示), and task pane
 * IDs count from 1 in each program: the key says 表格 (et) so another program's pane is never taken.
 */
const PANE_ID_KEY = "ziping.et.paneId";
const SAVE_ANYWAY_KEY = "ziping.et.saveAnyway";
const HELD_BACK_KEY = "ziping.et.heldBack";
/** The ribbon.xml ids whose state follows the open workbooks. */
const CONTROLS = ["ZiPing.Validate", "ZiPing.OpenPane"];

interface Control {
  Id: string;
}
interface RibbonUI {
  Invalidate?(): void;
  InvalidateControl?(id: string): void;
}
interface TaskPane {
  ID: number;
  Visible: boolean;
  DockPosition: number;
  Navigate(url: string): void;
}
type PaneApp = EtApp & {
  PluginStorage: { getItem(k: string): string | null | undefined; setItem(k: string, v: string | number | boolean): void; removeItem(k: string): void };
  ApiEvent: { Cancel: boolean; AddApiEventListener(name: string, fn: (...a: never[]) => void): void };
  CreateTaskPane?(url: string, title?: string): TaskPane | undefined;
  CreateTaskpane?(url: string, title?: string): TaskPane | undefined;
  GetTaskPane?(id: number): TaskPane | null | undefined;
  GetTaskpane?(id: number): TaskPane | null | undefined;
  StatusBar?: string;
};

export interface AddinOptions {
  /** Says a result to the user where they see it: WPS shows alert() as its own message box. */
  alert?: (text: string) => void;
  /** Runs a function after the current event (a closed workbook is gone only after WorkbookBeforeClose). */
  later?: (fn: () => void) => void;
}

/**
 * The WPS add-in's index page: ribbon callbacks (plain synchronous functions, as WPS calls them)
 * and the WorkbookBeforeSave listener that holds back a form with error-level findings.
 */
export function createAddin(etApp: unknown, paneUrl: string, options: AddinOptions = {}) {
  const app = etApp as PaneApp;
  const host = new WpsHost(app);
  const storage = app.PluginStorage;
  const alert = options.alert ?? ((text: string) => window.alert(text));
  const later = options.later ?? ((fn: () => void) => void setTimeout(fn, 0));
  let ribbon: RibbonUI | undefined;
  /** The pane's ID as WPS gave it (a number); PluginStorage keeps it as text for the other pages. */
  let paneId: number | undefined;
  let checks = 0;

  function status(text: string): void {
    try {
      app.StatusBar = text;
    } catch {
      /* some builds have no status bar property */
    }
  }

  function findPane(): TaskPane | undefined {
    const stored = storage.getItem(PANE_ID_KEY);
    const id = paneId ?? (stored ? Number(stored) : undefined);
    if (id === undefined || !Number.isFinite(id)) return undefined;
    const get = app.GetTaskPane ?? app.GetTaskpane;
    try {
      return get?.call(app, id) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Opens (or shows again) the one pane; with a query it loads the pane anew, which checks on opening. */
  function openPane(query = ""): TaskPane | undefined {
    let pane = findPane();
    const url = paneUrl + query;
    if (!pane) {
      const create = app.CreateTaskPane ?? app.CreateTaskpane;
      pane = create?.call(app, url, "ZiPing 自评助手") ?? undefined;
      if (!pane) return undefined;
      paneId = Number(pane.ID);
      storage.setItem(PANE_ID_KEY, String(paneId));
    } else if (query) pane.Navigate(url);
    pane.DockPosition = DOCK_RIGHT;
    pane.Visible = true;
    return pane;
  }

  function paneVisible(): boolean {
    try {
      return !!findPane()?.Visible;
    } catch {
      return false;
    }
  }

  function summary(a: Analysis): string {
    const errors = a.findings.filter((f) => f.severity === "error").length;
    const tips = a.findings.length - errors;
    if (errors) return `ZiPing：发现强制问题 ${errors} 项${tips ? `、提示 ${tips} 项` : ""}，已打开助手。`;
    return tips ? `ZiPing：校验通过，没有强制问题（另有提示 ${tips} 项，点「打开助手」查看）。` : "ZiPing：校验通过，没有发现问题。";
  }

  /**
   * 一键校验: checks the active workbook at once. An open pane checks again (it is loaded anew);
   * errors open the pane; otherwise the result is said in a message box and the status bar.
   */
  function validate(): void {
    if (!app.ActiveWorkbook) {
      alert("ZiPing：没有打开的工作簿。请先打开要检查的自评表，再点「一键校验」。");
      return;
    }
    let a: Analysis;
    try {
      a = analyze(host.readSnapshotSync());
    } catch (e) {
      alert(`ZiPing：校验没有完成：${host.describeError(e) ?? (e as Error)?.message ?? String(e)}`);
      return;
    }
    checks++;
    const text = foundForm(a) ? summary(a) : `ZiPing：${a.recognition.reason ?? "未找到自评表。"}`;
    status(text);
    const open = paneVisible();
    if (open || (foundForm(a) && hasErrors(a))) {
      openPane(`?check=${checks}`);
      if (open) return; // the pane shows the result where the user already looks
    }
    if (!(foundForm(a) && hasErrors(a))) alert(text);
  }

  /**
   * Before a save: a workbook holding a form with errors is not saved; the pane opens on its findings
   * and offers 仍然保存 (once). Forms without errors, and workbooks without a form, save as usual.
   * Nothing here may stop a save by failing: WPS does not reset ApiEvent.Cancel, so it is set to false
   * first, and any failure leaves it so.
   */
  function beforeSave(wb?: unknown, _saveAsUi?: boolean, cancel?: unknown): void {
    try {
      app.ApiEvent.Cancel = false;
    } catch {
      /* no ApiEvent.Cancel on this build: the Cancel argument below is all there is */
    }
    try {
      if (storage.getItem(SAVE_ANYWAY_KEY) === "1") {
        storage.removeItem(SAVE_ANYWAY_KEY);
        return;
      }
      const book = (wb as EtBook | undefined) ?? app.ActiveWorkbook;
      const analysis = analyze(new WpsHost(app).readSnapshotSync(book));
      if (!foundForm(analysis) || !hasErrors(analysis)) return;
      storage.setItem(HELD_BACK_KEY, String(book?.FullName ?? ""));
      app.ApiEvent.Cancel = true;
      if (cancel && typeof cancel === "object") (cancel as { Value: boolean }).Value = true;
      openPane(`?beforeSave=1&check=${++checks}`);
    } catch {
      // never block a save because the check itself failed
      try {
        app.ApiEvent.Cancel = false;
      } catch {
        /* as above */
      }
    }
  }

  /** The ribbon asks getEnabled again when a workbook opens, comes to the front or closes. */
  function refresh(): void {
    for (const id of CONTROLS) {
      try {
        if (ribbon?.InvalidateControl) ribbon.InvalidateControl(id);
        else ribbon?.Invalidate?.();
      } catch {
        /* the ribbon is not there yet */
      }
    }
  }

  return {
    OnAddinLoad(ribbonUI: RibbonUI): boolean {
      ribbon = ribbonUI;
      return true;
    },
    OnAction(control: Control): boolean {
      try {
        if (control.Id === "ZiPing.Validate") validate();
        else if (control.Id === "ZiPing.OpenPane") openPane(paneVisible() ? "" : `?check=${++checks}`);
      } catch (e) {
        alert(`ZiPing：操作没有完成：${(e as Error)?.message ?? String(e)}`);
      }
      return true;
    },
    GetImage(_control: Control): string {
      return "images/icon-32.png";
    },
    /** 一键校验 needs a workbook; 打开助手 always works (the pane says what to do without one). */
    OnGetEnabled(control: Control): boolean {
      if (control.Id !== "ZiPing.Validate") return true;
      try {
        return !!app.ActiveWorkbook;
      } catch {
        return true;
      }
    },
    register(): void {
      const events = app.ApiEvent;
      events.AddApiEventListener("WorkbookBeforeSave", beforeSave as never);
      for (const name of ["WorkbookOpen", "NewWorkbook", "WorkbookActivate"]) events.AddApiEventListener(name, refresh as never);
      // Before a close the workbook is still there: ask again once it is gone.
      events.AddApiEventListener("WorkbookBeforeClose", (() => {
        refresh();
        later(refresh);
      }) as never);
    },
    beforeSave,
    validate,
    openPane,
    refresh,
  };
}

/**
 * Lets the pane's 仍然保存 through the next save, once: the workbook that was held back is saved,
 * wherever the user has moved since. Returns a sentence for the pane.
 */
export function saveAnywayOnce(etApp: unknown): string {
  const app = etApp as PaneApp;
  const storage = app.PluginStorage;
  const held = storage.getItem(HELD_BACK_KEY);
  let book: EtBook | null | undefined = app.ActiveWorkbook;
  if (held) {
    book = undefined;
    const books = app.Workbooks;
    for (let i = 1; i <= books.Count; i++) {
      const b = books.Item(i);
      if (String(b.FullName) === held) book = b;
    }
  }
  if (!book) return "要保存的工作簿已关闭，没有保存任何内容。";
  storage.setItem(SAVE_ANYWAY_KEY, "1");
  try {
    book.Save();
  } finally {
    // Once only, even if the save did not happen (WPS's own dialog cancelled it).
    storage.removeItem(SAVE_ANYWAY_KEY);
  }
  storage.removeItem(HELD_BACK_KEY);
  return `已保存「${book.Name}」。`;
}
