import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Analysis } from "../../engine";

const useStyles = makeStyles({
  summary: { display: "flex", flexDirection: "column", gap: "2px", padding: "8px", backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
});

/** Which form was found (department, year, sheet), or why none was. */
export function FormSummary({ analysis }: { analysis?: Analysis }) {
  const s = useStyles();
  if (!analysis) return null;
  const form = analysis.form;
  if (!form && analysis.projects.length === 0) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>未找到自评表</MessageBarTitle>
          {analysis.recognition.reason}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      {form && (
        <div className={s.summary} aria-label="已识别的表格">
          <Text weight="semibold">部门整体支出绩效自评表</Text>
          <Text size={200}>
            {form.header.department?.text || "（未填部门名称）"} · {form.header.year?.text || "（未填年度）"}
          </Text>
          <Text size={200}>
            工作表「{form.sheetName}」· 主要任务 {form.tasks.length} 项 · 关键指标 {form.indicators.length} 条
          </Text>
        </div>
      )}
      {analysis.projects.map((p) => (
        <div key={p.form.sheet} className={s.summary} aria-label={`项目支出绩效自评表 ${p.form.sheetName}`}>
          <Text weight="semibold">项目支出绩效自评表「{p.form.header.name?.text || "未填项目名称"}」</Text>
          <Text size={200}>
            工作表「{p.form.sheetName}」· 绩效指标 {p.form.indicators.length} 条
            {p.scoring.executionRate !== undefined ? ` · 执行率 ${(p.scoring.executionRate * 100).toFixed(2)}%` : ""}
          </Text>
          {p.scoring.total !== undefined && (
            <Text size={300} weight="semibold">
              总分 {p.scoring.total.toFixed(2)} · {p.scoring.grade}
            </Text>
          )}
        </div>
      ))}
    </>
  );
}
