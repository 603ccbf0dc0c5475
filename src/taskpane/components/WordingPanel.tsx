import * as React from "react";
import { Button, Select, Text, Textarea, Input, makeStyles, tokens } from "@fluentui/react-components";
import { addressToA1, BUILT_IN_TEMPLATES, DepartmentForm, InsertMode, Library, Retriever, SectionTemplate, Suggestion, WORDING_SECTIONS, WordingSection, addToLibrary, emptyLibrary, insertionChange, parseLibrary, templateText } from "../../engine";
import { Assistant, AssistantState } from "../../app/assistant";
import { LibraryStore } from "../../app/libraryStore";
import { itemsFromSnapshot, itemsFromXlsx } from "../../app/importPrior";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "10px" },
  row: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "center" },
  item: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "6px", display: "flex", flexDirection: "column", gap: "4px" },
  preview: { whiteSpace: "pre-wrap", wordBreak: "break-word", fontSize: tokens.fontSizeBase200 },
  source: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
});

export interface WordingPanelProps {
  assistant: Assistant;
  store: LibraryStore;
  /** Saves a file for the user (the library's JSON export); the host decides how. */
  download?(name: string, text: string): void;
}

/** 建议 and 模板: last years' wording for this year's sections, and the standard outlines. Local only. */
export function WordingPanel({ assistant, store, download }: WordingPanelProps) {
  const s = useStyles();
  const [state, setState] = React.useState<AssistantState>(assistant.current);
  React.useEffect(() => assistant.subscribe(setState), [assistant]);
  const [library, setLibrary] = React.useState<Library>(emptyLibrary());
  const [userTemplates, setUserTemplates] = React.useState<SectionTemplate[]>([]);
  const [section, setSection] = React.useState<WordingSection>("problems");
  const [mode, setMode] = React.useState<InsertMode>("append");
  const [target, setTarget] = React.useState<"section" | "selected">("section");
  const [note, setNote] = React.useState("");
  const [templateId, setTemplateId] = React.useState("");
  const [templateName, setTemplateName] = React.useState("");
  const fileInput = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    void store.load().then(setLibrary);
    void store.loadTemplates().then(setUserTemplates);
  }, [store]);

  const form: DepartmentForm | undefined = state.analysis?.form;
  const retriever = React.useMemo(() => new Retriever(library.items), [library]);
  const suggestions: Suggestion[] = React.useMemo(() => (form && library.items.length ? retriever.suggest(form, section, 8) : []), [form, retriever, section, library]);
  const busy = state.status !== "idle" && state.status !== "error";
  const sectionRef = form ? (section === "achieved" ? form.goals.achieved : form[section]) : undefined;
  const templates = [...BUILT_IN_TEMPLATES, ...userTemplates].filter((t) => t.section === section);

  const store_ = async (next: Library, message: string) => {
    await store.save(next);
    setLibrary(next);
    setNote(message);
  };

  const insert = async (text: string, label: string, into: WordingSection = section) => {
    if (target === "selected") {
      const sel = await assistant.selection();
      if (!sel) {
        setNote("没有读到选中的单元格：请先在表格中选中要写入的单元格。");
        return;
      }
      if (sel.formula) {
        setNote(`选中的 ${addressToA1(sel.cell)} 是公式单元格，不写入文字。`);
        return;
      }
      const raw = sel.value === null ? "" : String(typeof sel.value === "object" ? sel.value.error : sel.value);
      await assistant.insertText({ ...insertionChange({ cell: sel.cell, raw }, text, mode, "insert"), expected: { value: sel.value } }, `${label}（${addressToA1(sel.cell)}）`);
      return;
    }
    const ref = form ? (into === "achieved" ? form.goals.achieved : form[into]) : undefined;
    if (!ref) {
      setNote(`表中没有找到「${WORDING_SECTIONS[into]}」一栏，无法插入。`);
      return;
    }
    await assistant.insertText(insertionChange(ref, text, mode, "insert"), `${label}（${WORDING_SECTIONS[into]}）`);
  };

  const importFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    let next = library;
    const messages: string[] = [];
    for (const file of Array.from(files)) {
      try {
        if (/\.json$/i.test(file.name)) {
          const lib = parseLibrary(await file.text());
          next = addToLibrary(next, lib.items);
          messages.push(`「${file.name}」导入 ${lib.items.length} 条`);
        } else {
          const items = await itemsFromXlsx(await file.arrayBuffer(), file.name);
          next = addToLibrary(next, items);
          messages.push(items.length ? `「${file.name}」导入 ${items.length} 条` : `「${file.name}」中没有找到自评表`);
        }
      } catch (e) {
        messages.push(`「${file.name}」无法导入：${(e as Error).message}`);
      }
    }
    await store_(next, messages.join("；"));
  };

  const importSheets = async () => {
    if (!state.snapshot) return;
    const items = itemsFromSnapshot(state.snapshot, state.snapshot.fileName, form?.sheet);
    await store_(addToLibrary(library, items), items.length ? `从本工作簿的其他工作表导入 ${items.length} 条` : "本工作簿的其他工作表中没有往年的自评表");
  };

  return (
    <section className={s.panel} aria-label="建议与模板">
      <Text weight="semibold">往年措辞与模板</Text>
      <div className={s.row}>
        <Select aria-label="栏目" value={section} onChange={(_e, d) => setSection(d.value as WordingSection)}>
          {(Object.keys(WORDING_SECTIONS) as WordingSection[]).map((k) => (
            <option key={k} value={k}>
              {WORDING_SECTIONS[k]}
            </option>
          ))}
        </Select>
        <Select aria-label="插入方式" value={mode} onChange={(_e, d) => setMode(d.value as InsertMode)}>
          <option value="append">追加到末尾</option>
          <option value="prepend">插入到开头</option>
          <option value="replace">替换原有内容</option>
        </Select>
        <Select aria-label="写入位置" value={target} onChange={(_e, d) => setTarget(d.value as "section" | "selected")}>
          <option value="section">写入栏目单元格</option>
          <option value="selected">写入选中的单元格</option>
        </Select>
      </div>
      <div className={s.row}>
        <Select aria-label="模板" value={templateId} onChange={(_e, d) => setTemplateId(d.value)}>
          <option value="">选择模板…</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
              {t.builtIn ? "" : "（我的）"}
            </option>
          ))}
        </Select>
        <Button
          disabled={busy || !templateId || !form}
          onClick={() => {
            const t = templates.find((x) => x.id === templateId);
            if (t && form) void insert(templateText(t, form), `插入模板「${t.name}」`);
          }}
        >
          插入模板
        </Button>
      </div>
      <div className={s.row}>
        <Input aria-label="模板名称" placeholder="我的模板名称" value={templateName} onChange={(_e, d) => setTemplateName(d.value)} />
        <Button
          disabled={!templateName.trim() || !sectionRef?.text.trim()}
          onClick={() => {
            const t: SectionTemplate = { id: `user-${Date.now()}`, name: templateName.trim(), section, text: sectionRef!.text, builtIn: false };
            const next = [...userTemplates, t];
            void store.saveTemplates(next).then(() => {
              setUserTemplates(next);
              setTemplateName("");
              setNote(`已把「${WORDING_SECTIONS[section]}」的内容保存为模板「${t.name}」`);
            });
          }}
        >
          保存为我的模板
        </Button>
      </div>
      <div className={s.row}>
        <input ref={fileInput} type="file" accept=".xlsx,.json" multiple aria-label="导入往年自评表或措辞库" style={{ display: "none" }} onChange={(e) => void importFiles(e.target.files)} />
        <Button onClick={() => fileInput.current?.click()}>导入往年自评表…</Button>
        <Button disabled={!state.snapshot} onClick={() => void importSheets()}>
          从其他工作表导入
        </Button>
        <Button disabled={library.items.length === 0 || !download} onClick={() => download?.("ziping-措辞库.json", JSON.stringify(library))}>
          导出措辞库
        </Button>
        <Button disabled={library.items.length === 0} onClick={() => void store.clear().then(() => store_(emptyLibrary(), "措辞库已清空"))}>
          清空措辞库
        </Button>
      </div>
      <Text size={200} role="status">
        {note || `措辞库 ${library.items.length} 条，只保存在本机。`}
      </Text>
      {form && library.items.length > 0 && (
        <ul className={s.list} aria-label="建议">
          {suggestions.length === 0 && <li>没有合适的往年条目。</li>}
          {suggestions.map((sg) => (
            <li key={sg.item.id} className={s.item}>
              <span className={s.source}>
                来源：{sg.item.year ?? "?"}年 · {sg.item.file ?? "本工作簿"} · {sg.item.cell} · 相关度 {sg.score.toFixed(1)}
              </span>
              <Textarea aria-label="预览" readOnly value={sg.adapted} resize="vertical" className={s.preview} />
              <div className={s.row}>
                <Button size="small" appearance="primary" disabled={busy} onClick={() => void insert(sg.adapted, `插入${sg.item.year ?? ""}年条目`)}>
                  插入
                </Button>
                {sg.pair && (
                  <Button size="small" disabled={busy} onClick={() => void insert(sg.pair!.adapted, `插入对应的${WORDING_SECTIONS[sg.pair!.item.section]}`, sg.pair!.item.section)}>
                    插入对应的{sg.pair.item.section === "measures" ? "改进措施" : "存在问题"}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
