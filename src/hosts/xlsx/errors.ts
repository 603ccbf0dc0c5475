/** A problem with the user's input or output, told in one Chinese line; never shown with a stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly code: "input" | "output" = "input") {
    super(message);
    this.name = "UserError";
  }
}
