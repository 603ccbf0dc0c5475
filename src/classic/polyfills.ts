/**
 * The standard library the engine and the assistant use (Map and Set from iterables, Promise,
 * Symbol.iterator, Array.from, String.prototype.includes and padStart, Object.assign, Array.prototype.at…),
 * for Internet Explorer 11. The first module of classic.js: it runs before any other.
 */
import "core-js/stable";
