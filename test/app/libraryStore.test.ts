import "fake-indexeddb/auto";
import { IndexedDbLibraryStore } from "../../src/app/libraryStore";
import { addToLibrary, analyze, emptyLibrary, itemsOfForm, WorkbookSnapshot } from "../../src/engine";
import { exampleSnapshot } from "../helpers/example";

let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = await exampleSnapshot();
});

describe("the IndexedDB library store", () => {
  it("keeps the library and the user's templates across stores", async () => {
    const a = new IndexedDbLibraryStore();
    const lib = addToLibrary(emptyLibrary(), itemsOfForm(analyze(seed).form!));
    await a.save(lib);
    await a.saveTemplates([{ id: "u1", name: "我的", section: "problems", text: "(一) ……", builtIn: false }]);
    const b = new IndexedDbLibraryStore();
    expect((await b.load()).items).toHaveLength(lib.items.length);
    expect((await b.loadTemplates()).map((t) => t.name)).toEqual(["我的"]);
    await b.clear();
    expect((await a.load()).items).toEqual([]);
  });
});
