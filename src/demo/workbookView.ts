/** The demo's heavy half (ExcelJS, the grid), loaded after the pane has painted. */
export { BrowserHost, LocalStorageStorage } from "./browserHost";
export { Grid } from "./Grid";
export { loadWorkbook } from "../hosts/xlsx/workbook";
