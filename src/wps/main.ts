/// <reference types="et-jsapi-declare" />
import { createAddin } from "./addin";

/**
 * index.html of the WPS add-in: WPS loads it first, then reads ribbon.xml and calls the functions
 * it names on this page's window.
 */
const app = (window as unknown as { Application?: typeof Application }).Application;
if (app) {
  const addin = createAddin(app, new URL("taskpane.html", window.location.href).href);
  Object.assign(window, {
    OnAddinLoad: addin.OnAddinLoad,
    OnAction: addin.OnAction,
    GetImage: addin.GetImage,
    OnGetEnabled: addin.OnGetEnabled,
  });
  addin.register();
}
