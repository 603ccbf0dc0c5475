/// <reference types="office-js" />
/**
 * The entry of taskpane.html, in Excel and in WPS alike: it decides once which host the page runs
 * in and starts that host's pane. It lives above taskpane/ (Excel) and wps/, which never import
 * each other. Excel's pane is in the page's own bundle (the usual case, shown at once); WPS's is
 * loaded when WPS is found.
 */
import { startExcelPane } from "./taskpane/excelPane";

const container = document.getElementById("container")!;
const wpsApp = (window as unknown as { Application?: { ActiveWorkbook?: unknown } }).Application;

function showOutsideOffice(): void {
  container.textContent = "ZiPing 自评助手需要在 Excel 或 WPS 中打开。想先看看效果，请在项目目录运行 npm start 打开演示页面。";
}

if (typeof Office === "undefined" && wpsApp && "ActiveWorkbook" in wpsApp) {
  // WPS 表格 injects window.Application into add-in pages: the same pane, over the WPS host.
  void import(/* webpackChunkName: "wps" */ "./wps/pane").then((m) => m.startWpsPane(wpsApp as never, container));
} else if (typeof Office === "undefined") showOutsideOffice();
else {
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) showOutsideOffice();
    else startExcelPane(container, Office.context.displayLanguage);
  });
}
