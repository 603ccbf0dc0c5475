/// <reference types="office-js" />
import { Assistant } from "../app/assistant";
import { IndexedDbLibraryStore } from "../app/libraryStore";
import { WordingController } from "../app/wording";
import { ExcelHost } from "../hosts/excel/excelHost";
import { validateCommand } from "../commands/validate";
import { renderPane } from "../ui/render";
import { WordingPanel } from "../ui/components/WordingPanel";
import { downloadText } from "../ui/download";

/**
 * The pane inside Excel. With the shared runtime this page also hosts the ribbon's 一键校验
 * command, so the button and the pane share one assistant.
 */
let assistant: Assistant | undefined;

function shared(): Assistant {
  assistant ??= new Assistant(new ExcelHost());
  return assistant;
}

export function startExcelPane(container: HTMLElement, displayLanguage?: string): void {
  Office.actions?.associate("validate", (event: Office.AddinCommands.Event) => void validateCommand(shared(), event));
  renderPane(shared(), container, {
    checkOnOpen: true,
    displayLanguage,
    extra: <WordingPanel wording={new WordingController(shared(), new IndexedDbLibraryStore())} download={downloadText} />,
  });
}
