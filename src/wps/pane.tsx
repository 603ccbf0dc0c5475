/// <reference types="et-jsapi-declare" />
import * as React from "react";
import { Assistant } from "../app/assistant";
import { IndexedDbLibraryStore } from "../app/libraryStore";
import { WordingController } from "../app/wording";
import { WpsHost } from "../hosts/wps/wpsHost";
import { renderPane } from "../ui/render";
import { WordingPanel } from "../ui/components/WordingPanel";
import { downloadText } from "../ui/download";
import { SaveAnyway } from "./SaveAnyway";

/** The shared pane inside WPS: the same App, over the WPS host. */
export function startWpsPane(app: typeof Application, container: HTMLElement): void {
  const assistant = new Assistant(new WpsHost(app as never));
  const beforeSave = new URLSearchParams(window.location.search).get("beforeSave") === "1";
  renderPane(assistant, container, {
    checkOnOpen: true,
    extra: (
      <>
        {beforeSave && <SaveAnyway app={app} />}
        <WordingPanel wording={new WordingController(assistant, new IndexedDbLibraryStore())} download={downloadText} />
      </>
    ),
  });
}
