/// <reference types="office-js" />
/**
 * classic.js, loaded by classic.html where the webview cannot run the modern pane: Internet Explorer 11
 * in Excel 2016 and 2019 volume-licensed (and EdgeHTML in 2016/2019 retail without WebView2). Compiled
 * to ES5 with core-js (polyfills.ts, the entry's first module). It marks itself as loaded, so the page
 * can tell a script that never ran (not found, or not parsed) from one that is starting.
 */
import { Assistant } from "../app/assistant";
import { DocumentSettingsStorage, ExcelHost } from "../hosts/excel/excelHost";
import { startClassicPane } from "./pane";

const page = window as unknown as { ZiPingClassic?: { started: boolean } };
const loaded = { started: false };
page.ZiPingClassic = loaded;

function say(text: string): void {
  const message = document.getElementById("message");
  if (message) message.textContent = text;
}

function start(): void {
  const message = document.getElementById("message");
  if (message) message.setAttribute("hidden", "");
  const container = document.getElementById("pane") ?? document.body;
  try {
    startClassicPane(container, new Assistant(new ExcelHost(new DocumentSettingsStorage())), { checkOnOpen: true });
    loaded.started = true;
  } catch (e) {
    if (message) message.removeAttribute("hidden");
    say(`ZiPing 自评助手未能启动：${(e as Error)?.message ?? String(e)}。请关闭任务窗格后重新打开。`);
  }
}

if (typeof Office === "undefined") say("Office 的脚本（office.js）没有加载：请确认本机能访问 appsforoffice.microsoft.com，然后关闭任务窗格重新打开。");
else
  void Office.onReady((info) => {
    // An old Office may leave the host unnamed; Excel's API is there all the same.
    if (info.host === Office.HostType.Excel || (!info.host && typeof Excel !== "undefined")) start();
    else say("ZiPing 自评助手需要在 Excel 中打开。");
  });
