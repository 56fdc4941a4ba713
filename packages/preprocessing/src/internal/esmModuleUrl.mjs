// Injected into the ESM build only (tsup.config.ts): the built module's own URL, for
// src/internal/moduleUrl.ts (the sources also run as CommonJS under jest, where import.meta is
// a syntax error).
export const __scikerasModuleUrl = import.meta.url;
