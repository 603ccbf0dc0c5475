import * as React from "react";
import { createRoot } from "react-dom/client";

import { FluentProvider, webLightTheme, Button } from "@fluentui/react-components";
import { App } from "../ui/App";
const WordingPanel = React.lazy(() => import(/* webpackChunkName: "wording" */ "../ui/components/WordingPanel").then((m) => ({ default: m.WordingPanel })));
import { Assistant, sentence } from "../app/assistant";
import { IndexedDbLibraryStore } from "../app/libraryStore";
import { WordingController } from "../app/wording";
import { downloadBlob, downloadText } from "../ui/download";
import type { BrowserHost } from "./browserHost";
import { LazyHost } from "./lazyHost";
import { LocalStorageStorage } from "./localStorage";

type View = typeof import("./workbookView");

interface Loaded {
  host: BrowserHost;
  assistant: Assistant;
  name: string;
  view: View;
}

const SAMPLE = "2021-天河区城管局-部门整体支出绩效自评表.xlsx";
let viewModule: Promise<View> | undefined;
/** The package reader and the grid: fetched once the pane has painted, so its first render does not wait on them. */
const loadView = () => (viewModule ??= import(/* webpackChunkName: "workbook" */ "./workbookView"));

/** Opens a workbook; the pane's assistant waits on it through a lazy host, so the pane paints first. */
function open(bytesPromise: Promise<ArrayBuffer>, name: string): { assistant: Assistant; loaded: Promise<Loaded> } {
  const storage = new LocalStorageStorage(`ziping.demo.${name}.`);
  const loaded = (async () => {
    const bytes = await bytesPromise;
    const view = await loadView();
    return { host: view.BrowserHost.openBytes(new Uint8Array(bytes), storage, name), view };
  })();
  const assistant = new Assistant(new LazyHost(loaded.then((l) => l.host), storage));
  return { assistant, loaded: loaded.then((l) => ({ ...l, assistant, name })) };
}

/** The download: the original package with only the changed cells rewritten; an .xlsm stays an .xlsm. */
function download(loaded: Loaded): void {
  const macro = /\.xlsm$/i.test(loaded.name);
  const base = loaded.name.replace(/\.(xlsx|xlsm)$/i, "");
  const type = macro ? "application/vnd.ms-excel.sheet.macroEnabled.12" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  downloadBlob(`${base}-已校验.${macro ? "xlsm" : "xlsx"}`, loaded.host.toBytes() as Uint8Array<ArrayBuffer>, type);
}

/** The bundled sample, opened after the first paint. */
function openSample() {
  let release!: () => void;
  const painted = new Promise<void>((r) => (release = r));
  const opened = open(
    painted.then(() => fetch("sample.xlsx")).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`示例文件读取失败（${r.status}）`)))),
    SAMPLE,
  );
  return { ...opened, start: release };
}
const sample = openSample();

/** The demo: the unchanged task pane beside a workbook it reads and writes, in any browser. */
function Demo() {
  const [assistant, setAssistant] = React.useState<Assistant>(sample.assistant);
  const [loaded, setLoaded] = React.useState<Loaded>();
  const [error, setError] = React.useState<string>();
  const [version, setVersion] = React.useState(0);
  const [sheet, setSheet] = React.useState(0);
  const [dragging, setDragging] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const store = React.useMemo(() => new IndexedDbLibraryStore(), []);
  const wording = React.useMemo(() => new WordingController(assistant, store), [assistant, store]);

  /**
   * Shows an opened workbook. The sample's pane is shown at once (it waits on its lazy host); a file the
   * user opens replaces the current one only once it has been read: a file that is not a workbook
   * leaves the current workbook and its findings as they were, and says why.
   */
  const show = React.useCallback(async (opened: { assistant: Assistant; loaded: Promise<Loaded> }, first = false) => {
    if (first) setAssistant(opened.assistant);
    try {
      const l = await opened.loaded;
      setError(undefined);
      setAssistant(l.assistant);
      setLoaded(l);
      const a = await l.assistant.check();
      setSheet(a?.form?.sheet ?? a?.projects[0]?.form.sheet ?? 0);
    } catch (e) {
      const err = e as Error;
      setError(err.name === "UserError" ? sentence(err.message) : `文件没有打开：${sentence(err.message)}当前的工作簿未受影响。`);
    }
  }, []);

  React.useEffect(() => {
    // After the first paint: the pane is on screen before ExcelJS and the sample are fetched.
    const id = requestAnimationFrame(() => setTimeout(sample.start, 0));
    void show(sample, true);
    return () => cancelAnimationFrame(id);
  }, [show]);

  React.useEffect(() => (loaded ? loaded.host.onRender(() => setVersion((v) => v + 1)) : undefined), [loaded]);
  React.useEffect(() => {
    const s = loaded?.host.selected?.sheet;
    if (s !== undefined) setSheet(s);
  }, [loaded, version]);

  const onFiles = (files: FileList | null) => {
    const f = files?.[0];
    if (f) void show(open(f.arrayBuffer(), f.name));
  };

  const shownSheet = loaded?.host.pkg.snapshot().sheets[sheet];
  return (
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <div className="demo">
        <div className="banner" role="note">
          ZiPing 自评助手<b>演示页面</b>：右侧是与 Excel、WPS 中相同的助手；表格只在本机浏览器中处理，不会上传。安装见 README。
        </div>
        <div className="bar">
          <input ref={fileInput} type="file" accept=".xlsx,.xlsm" style={{ display: "none" }} aria-label="打开 .xlsx 文件" onChange={(e) => onFiles(e.target.files)} />
          <Button size="small" onClick={() => fileInput.current?.click()}>
            打开…
          </Button>
          <Button size="small" disabled={!loaded || !loaded.host.canDownload} onClick={() => loaded && download(loaded)}>
            下载
          </Button>
          <span>{loaded ? `当前文件：${loaded.name}（也可以把 .xlsx 拖到左侧）` : "正在打开示例…"}</span>
          {error && (
            <span role="alert" style={{ color: "#a4262c" }}>
              {error}
            </span>
          )}
          <span className="tabs">
            {loaded?.host.pkg.sheets.map((w, i) => (
              <Button key={w.part} size="small" appearance={i === sheet ? "primary" : "subtle"} onClick={() => setSheet(i)}>
                {w.name}
              </Button>
            ))}
          </span>
        </div>
        <div className="main">
          <a className="skip" href="#ziping-pane">
            跳到助手窗格
          </a>
          <div
            className={`sheet ${dragging ? "drop" : ""}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              onFiles(e.dataTransfer.files);
            }}
          >
            {shownSheet && loaded && <loaded.view.Grid sheet={shownSheet} widths={loaded.host.pkg.columnWidths(sheet)} sheetIndex={sheet} selected={loaded.host.selected} version={version} passage={loaded.host.passage} onSelect={(c) => void loaded.host.selectCell(c)} />}
          </div>
          <div className="pane" id="ziping-pane" tabIndex={-1} aria-label="自评助手">
            <App key={loaded?.name ?? SAMPLE} assistant={assistant}>
              <React.Suspense fallback={null}>
                <WordingPanel wording={wording} download={downloadText} />
              </React.Suspense>
            </App>
          </div>
        </div>
      </div>
    </FluentProvider>
  );
}

createRoot(document.getElementById("root")!).render(<Demo />);

