/** ziping's exit codes, the same for every command. */
export const EXIT_OK = 0;
/** Error-level (强制) findings remain. */
export const EXIT_FINDINGS = 1;
/** An input could not be used, or an output could not be written. */
export const EXIT_UNUSABLE = 2;

export type ExitCode = typeof EXIT_OK | typeof EXIT_FINDINGS | typeof EXIT_UNUSABLE;

/** The worse of two codes: unusable input outweighs findings, findings outweigh a clean pass. */
export function worse(a: ExitCode, b: ExitCode): ExitCode {
  return Math.max(a, b) as ExitCode;
}
