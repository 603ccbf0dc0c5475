import { TaskSpec, withSpec } from "./formBuilder";

/** A task of the validSpec table (task rows start at row 11, names in E, values in F, funds in G). */
export const task = (number: number | string | undefined, rows: TaskSpec["rows"], fund: unknown = 100): TaskSpec => ({ number, name: `任务${number ?? ""}`, fund: fund as TaskSpec["fund"], rows });

/** A form whose table holds one task with one indicator. */
export const one = (name: string, value: unknown) => withSpec({ tasks: [task(1, [[name, value as string]])] });

/** A form whose table holds one task with these indicator rows, and this 目标完成情况 (E9). */
export const withIndicators = (rows: TaskSpec["rows"], achieved: string) => withSpec({ tasks: [{ number: 1, name: "任务", fund: 100, rows }], achievedGoal: achieved });
