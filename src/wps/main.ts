import { createAddin } from "./addin";

/**
 * The index page of the WPS add-in (main.js): WPS opens the add-in's index.html, which loads this
 * script, then reads ribbon.xml and calls the functions it names on this page's window. In the
 * offline form WPS writes its own index.html that loads main.js from the add-in's folder.
 */
const app = (window as unknown as { Application?: unknown }).Application;
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
