/** jsdom has no TextEncoder / TextDecoder; the package reader needs them (every browser has them). Import first. */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder, TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder });
