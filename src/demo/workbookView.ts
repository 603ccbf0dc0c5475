/** The demo's heavy half (the package reader, the grid), loaded after the pane has painted. */
export { BrowserHost, LocalStorageStorage } from "./browserHost";
export { Grid } from "./Grid";
