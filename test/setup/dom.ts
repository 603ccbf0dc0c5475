import "@testing-library/jest-dom";

// jsdom lacks ResizeObserver, which Fluent UI's MessageBar uses to reflow its actions.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
}
