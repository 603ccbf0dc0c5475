import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ConsolidationController, ConsolidationState } from "../../app/consolidation";
import { AssistantState } from "../../app/assistant";

const useStyles = makeStyles({
  panel: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "8px", fontSize: tokens.fontSizeBase200 },
  head: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  row: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap", margin: "6px 0" },
  list: { margin: "4px 0", paddingLeft: "18px" },
  problem: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** 汇总核对: the open 汇总 form against its units' forms, picked from disk; findings go to the usual list. */
export function ConsolidationPanel({ consolidation, state }: { consolidation: ConsolidationController; state: AssistantState }) {
  const s = useStyles();
  const [data, setData] = React.useState<ConsolidationState>(consolidation.current);
  React.useEffect(() => consolidation.subscribe(setData), [consolidation]);
  const input = React.useRef<HTMLInputElement>(null);
  const result = state.consolidation;
  return (
    <details className={s.panel} open={data.files.length > 0 || undefined}>
      <summary className={s.head}>汇总核对{data.files.length ? `（${data.files.length} 个单位文件）` : ""}</summary>
      <Text as="p" size={200}>
        一级预算部门填写汇总表时：选择本级和各下属单位的自评表（.xlsx），助手核对汇总表的各项资金是否等于各单位之和、计算项是否随之正确、各单位的被评价年度是否一致。文件只在本机读取。
      </Text>
      <div className={s.row}>
        <input ref={input} type="file" accept=".xlsx,.xlsm" multiple aria-label="选择单位的自评表文件" style={{ display: "none" }} onChange={(e) => void consolidation.chooseUnits(Array.from(e.target.files ?? [])).then(() => (e.target.value = ""))} />
        <Button size="small" disabled={data.busy || !state.analysis} onClick={() => input.current?.click()}>
          选择单位文件…
        </Button>
        {data.files.length > 0 && (
          <Button size="small" disabled={data.busy} onClick={() => void consolidation.clear()}>
            清除
          </Button>
        )}
      </div>
      {data.note && (
        <Text size={200} role="status">
          {data.note}
        </Text>
      )}
      {result && result.units.length > 0 && (
        <ul className={s.list} aria-label="计入合计的单位">
          {result.units.map((u) => (
            <li key={u.file}>
              {u.name}（{u.file}）
            </li>
          ))}
        </ul>
      )}
      {result && result.unitProblems.length > 0 && (
        <ul className={s.list} aria-label="需要注意的单位文件">
          {result.unitProblems.map((p, i) => (
            <li key={i} className={s.problem}>
              {p.file}：{p.message}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
