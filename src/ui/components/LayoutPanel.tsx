import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { LayoutsController, LayoutsState } from "../../app/layouts";

const useStyles = makeStyles({
  panel: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "8px", fontSize: tokens.fontSizeBase200 },
  head: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  list: { listStyleType: "none", margin: "6px 0", padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  row: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
});

/** 表格式样: the local layout files (docs/layouts.md), imported once and used by every check. */
export function LayoutPanel({ layouts }: { layouts: LayoutsController }) {
  const s = useStyles();
  const [state, setState] = React.useState<LayoutsState>(layouts.current);
  React.useEffect(() => {
    const stop = layouts.subscribe(setState);
    void layouts.load();
    return stop;
  }, [layouts]);
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <details className={s.panel}>
      <summary className={s.head}>表格式样{state.files.length ? `（已导入 ${state.files.length} 个）` : ""}</summary>
      <Text as="p" size={200}>
        本地自定的表格若未被识别，可导入说明其式样的文件（.json，写法见使用说明）；导入后每次校验都会使用，只保存在本机。
      </Text>
      {state.files.length > 0 && (
        <ul className={s.list} aria-label="已导入的表格式样">
          {state.files.map((f) => (
            <li key={f.file} className={s.row}>
              <span>
                {f.file}：{f.families.map((x) => x.name).join("、")}
              </span>
              <Button size="small" aria-label={`删除式样 ${f.file}`} onClick={() => void layouts.remove(f.file)}>
                删除
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={s.row}>
        <input ref={input} type="file" accept=".json" multiple aria-label="导入表格式样文件" style={{ display: "none" }} onChange={(e) => void layouts.importFiles(Array.from(e.target.files ?? [])).then(() => (e.target.value = ""))} />
        <Button size="small" onClick={() => input.current?.click()}>
          导入式样…
        </Button>
      </div>
      {state.note && (
        <Text size={200} role="status">
          {state.note}
        </Text>
      )}
    </details>
  );
}
