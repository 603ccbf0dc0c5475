export * from "./library";
export * from "./adapt";
export * from "./retrieve";
export * from "./templates";
