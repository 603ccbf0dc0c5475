import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Assistant } from "../app/assistant";
import { App } from "./App";
import { stringsFor } from "./strings";

/** Renders the pane into the page's container; the host decides nothing here. */
export function renderPane(assistant: Assistant, container: HTMLElement, options: { checkOnOpen?: boolean; extra?: React.ReactNode; displayLanguage?: string } = {}) {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      <App assistant={assistant} checkOnOpen={options.checkOnOpen} strings={stringsFor(options.displayLanguage)}>
        {options.extra}
      </App>
    </FluentProvider>,
  );
  return root;
}
