import { analyze, addressToA1 } from "../../src/engine";
import { buildForm } from "../helpers/formBuilder";

test("the builder's valid form is recognized and raises nothing", () => {
  const a = analyze(buildForm());
  expect(a.form).toBeDefined();
  expect(a.findings.map((f) => `${addressToA1(f.cell)} ${f.message}`)).toEqual([]);
  expect(a.form!.tasks).toHaveLength(2);
  expect(a.form!.indicators).toHaveLength(6);
  expect(a.derived.map((d) => d.status)).toEqual(["ok", "ok", "ok"]);
});
