import * as React from "react";
import { Button, Select, Text, Textarea, Input, makeStyles, tokens } from "@fluentui/react-components";
import { InsertMode, SOURCE_NOTES, WORDING_SECTIONS, WordingSection } from "../../engine";
import { AssistantState } from "../../app/assistant";
import { InsertTarget, WordingController, WordingState } from "../../app/wording";
import { LayoutPanel } from "./LayoutPanel";
import { copyText } from "../clipboard";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "10px" },
  row: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "center" },
  item: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "6px", display: "flex", flexDirection: "column", gap: "4px" },
  preview: { whiteSpace: "pre-wrap", wordBreak: "break-word", fontSize: tokens.fontSizeBase200 },
  source: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  confirm: { display: "flex", flexDirection: "column", gap: "6px", padding: "8px", borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorPaletteDarkOrangeBorder1}`, backgroundColor: tokens.colorPaletteYellowBackground1 },
  result: { fontSize: tokens.fontSizeBase200, padding: "4px 8px", borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}` },
  other: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface WordingPanelProps {
  wording: WordingController;
  /** Saves a file for the user (the library's JSON export); the host decides how. */
  download?(name: string, text: string): void;
}

/** 建议 and 模板: last years' wording for this year's sections, and the standard outlines. Local only. */
export function WordingPanel({ wording, download }: WordingPanelProps) {
  const s = useStyles();
  const assistant = wording.assistant;
  const [state, setState] = React.useState<AssistantState>(assistant.current);
  React.useEffect(() => assistant.subscribe(setState), [assistant]);
  const [data, setData] = React.useState<WordingState>(wording.current);
  React.useEffect(() => {
    const stop = wording.subscribe(setData);
    void wording.load();
    return stop;
  }, [wording]);
  const [section, setSection] = React.useState<WordingSection>("problems");
  const [mode, setMode] = React.useState<InsertMode>("append");
  const [target, setTarget] = React.useState<InsertTarget>("section");
  const [templateId, setTemplateId] = React.useState("");
  const [templateName, setTemplateName] = React.useState("");
  const fileInput = React.useRef<HTMLInputElement>(null);

  const form = state.analysis?.form;
  const library = data.library;
  const suggestions = React.useMemo(() => wording.suggestions(section, 8), [wording, form, section, library]); // eslint-disable-line react-hooks/exhaustive-deps
  const busy = state.status !== "idle" && state.status !== "error";
  const sectionRef = form ? (section === "achieved" ? form.goals.achieved : form[section]) : undefined;
  const templates = wording.templatesFor(section);
  const insert = (text: string, label: string, into: WordingSection = section, itemId?: string) => void wording.insert({ text, label, into, mode, target, itemId });
  // Where a file made in the page does not download (Excel on Mac, WPS), the library is copied instead.
  const [exported, setExported] = React.useState<{ message: string; text?: string }>();
  const exportLibrary = async () => {
    const json = wording.exportJson();
    if (assistant.host.canDownload && download) {
      download("ziping-措辞库.json", json);
      setExported(undefined);
      return;
    }
    const ok = await copyText(json);
    setExported(ok ? { message: "此处不能下载文件：措辞库已复制，请粘贴到记事本，另存为「ziping-措辞库.json」。" } : { message: "此处不能下载文件：请选中下面的文字，按 Ctrl+C 复制，粘贴到记事本另存为「ziping-措辞库.json」。", text: json });
  };
  // What the panel's last insertion did, said here, beside the buttons that did it.
  const result = state.lastAction?.origin === "wording" ? state.lastAction.message : undefined;

  return (
    <section className={s.panel} aria-label="建议与模板">
      <Text as="h2" weight="semibold" size={300} style={{ margin: 0 }}>往年措辞与模板</Text>
      <div className={s.row}>
        <Select size="small" aria-label="栏目" value={section} onChange={(_e, d) => setSection(d.value as WordingSection)}>
          {(Object.keys(WORDING_SECTIONS) as WordingSection[]).map((k) => (
            <option key={k} value={k}>
              {WORDING_SECTIONS[k]}
            </option>
          ))}
        </Select>
        <Select size="small" aria-label="插入方式" value={mode} onChange={(_e, d) => setMode(d.value as InsertMode)}>
          <option value="append">追加到末尾</option>
          <option value="prepend">插入到开头</option>
          <option value="replace">替换原有内容</option>
        </Select>
        <Select size="small" aria-label="写入位置" value={target} onChange={(_e, d) => setTarget(d.value as InsertTarget)}>
          <option value="section">写入栏目单元格</option>
          <option value="selected">写入选中的单元格</option>
        </Select>
      </div>
      <div className={s.row}>
        <Select size="small" aria-label="模板" value={templateId} onChange={(_e, d) => setTemplateId(d.value)}>
          <option value="">选择模板…</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
              {t.builtIn ? "" : "（我的）"}
            </option>
          ))}
        </Select>
        <Button
          size="small"
          disabled={busy || !templateId || !form}
          onClick={() => {
            const t = templates.find((x) => x.id === templateId);
            const text = t && wording.templateText(t);
            if (t && text) insert(text, `插入模板「${t.name}」`);
          }}
        >
          插入模板
        </Button>
      </div>
      <div className={s.row}>
        <Input size="small" aria-label="模板名称" placeholder="我的模板名称" value={templateName} onChange={(_e, d) => setTemplateName(d.value)} />
        <Button
          size="small"
          disabled={!templateName.trim() || !sectionRef?.text.trim()}
          onClick={() => void wording.saveTemplate(templateName, section).then(() => setTemplateName(""))}
        >
          保存为我的模板
        </Button>
      </div>
      <div className={s.row}>
        <input ref={fileInput} type="file" accept=".xlsx,.json" multiple aria-label="导入往年自评表或措辞库" style={{ display: "none" }} onChange={(e) => void wording.importFiles(Array.from(e.target.files ?? []))} />
        <Button size="small" onClick={() => fileInput.current?.click()}>导入往年自评表…</Button>
        <Button size="small" disabled={!state.snapshot} onClick={() => void wording.importSheets()}>
          从其他工作表导入
        </Button>
        <Button size="small" disabled={library.items.length === 0} onClick={() => void exportLibrary()}>
          导出措辞库
        </Button>
        <Button size="small" disabled={library.items.length === 0} onClick={() => void wording.clear()}>
          清空措辞库
        </Button>
      </div>
      {exported && (
        <Text size={200} role="status">
          {exported.message}
        </Text>
      )}
      {exported?.text && <Textarea aria-label="措辞库（JSON）" readOnly value={exported.text} resize="vertical" />}
      {data.pending && (
        <div className={s.confirm} role="alertdialog" aria-label="请确认" aria-describedby="ziping-pending">
          <Text id="ziping-pending">{data.pending.question}</Text>
          <div className={s.row}>
            <Button size="small" appearance="primary" disabled={busy} onClick={() => void wording.confirm()}>
              确定
            </Button>
            <Button size="small" onClick={() => wording.cancel()}>
              取消
            </Button>
          </div>
        </div>
      )}
      {result && !data.pending && (
        <Text className={s.result} role="status">
          {result}
        </Text>
      )}
      <Text size={200} role="status">
        {data.note || `措辞库 ${library.items.length} 条，只保存在本机。`}
      </Text>
      {form && library.items.length > 0 && (
        <ul className={s.list} aria-label="建议">
          {suggestions.length === 0 && <li>没有合适的往年条目。</li>}
          {suggestions.map((sg) => (
            <li key={sg.item.id} className={s.item}>
              <span className={s.source}>
                来源：{sg.item.year ? `${sg.item.year}年` : "年份不明"}
                {sg.source === "otherDepartment" && sg.item.department ? ` · ${sg.item.department}` : ""} · {sg.item.file ?? "本工作簿"} · {sg.item.cell}
                {SOURCE_NOTES[sg.source] && <span className={s.other}>（{SOURCE_NOTES[sg.source]}）</span>}
              </span>
              <Textarea aria-label="预览" readOnly value={sg.adapted} resize="vertical" className={s.preview} />
              <div className={s.row}>
                <Button size="small" appearance="primary" disabled={busy} onClick={() => insert(sg.adapted, `插入${sg.item.year ?? ""}年条目`, section, sg.item.id)}>
                  插入
                </Button>
                {sg.pair && (
                  <Button size="small" disabled={busy} onClick={() => insert(sg.pair!.adapted, `插入对应的${WORDING_SECTIONS[sg.pair!.item.section]}`, sg.pair!.item.section, sg.pair!.item.id)}>
                    插入对应的{sg.pair.item.section === "measures" ? "改进措施" : "存在问题"}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <LayoutPanel layouts={wording.layouts} />
    </section>
  );
}
