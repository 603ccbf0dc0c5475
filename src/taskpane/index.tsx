/// <reference types="office-js" />
import { Assistant } from "../app/assistant";
import { ExcelHost } from "../hosts/excel/excelHost";
import { validateCommand } from "../commands/validate";
import { renderPane } from "./render";
import { WordingPanel } from "./components/WordingPanel";
import { IndexedDbLibraryStore } from "../app/libraryStore";
import { downloadText } from "./download";

/**
 * The Excel entry (taskpane.html). With the shared runtime this page also hosts the ribbon's
 * 一键校验 command, so the button and the pane share one assistant.
 */
let assistant: Assistant | undefined;

function shared(): Assistant {
  assistant ??= new Assistant(new ExcelHost());
  return assistant;
}

function showOutsideOffice(container: HTMLElement) {
  container.textContent = "ZiPing 自评助手需要在 Excel 或 WPS 中打开。想先看看效果，请在项目目录运行 npm start 打开演示页面。";
}

const container = document.getElementById("container")!;
const wpsApp = (window as unknown as { Application?: { ActiveWorkbook?: unknown } }).Application;
if (typeof Office === "undefined" && wpsApp && "ActiveWorkbook" in wpsApp) {
  // WPS 表格 injects window.Application into add-in pages: the same pane, over the WPS host.
  void import(/* webpackChunkName: "wps" */ "../wps/pane").then((m) => m.startWpsPane(wpsApp as never, container));
} else if (typeof Office === "undefined") showOutsideOffice(container);
else {
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      showOutsideOffice(container);
      return;
    }
    Office.actions?.associate("validate", (event: Office.AddinCommands.Event) => void validateCommand(shared(), event));
    renderPane(shared(), container, {
      checkOnOpen: true,
      displayLanguage: Office.context.displayLanguage,
      extra: <WordingPanel assistant={shared()} store={new IndexedDbLibraryStore()} download={downloadText} />,
    });
  });
}
