/** The package reader and patcher: see package.ts. */
export { XlsxPackage } from "./package";
export type { OpenOptions, PackageSheet } from "./package";
export { DEFAULT_LIMITS } from "./limits";
export type { ReadLimits } from "./limits";
