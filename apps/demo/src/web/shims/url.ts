// Browser stand-in for Node's `url` built-in. @scikeras/model-selection's ESM build computes a
// `__dirname` shim (for its worker-thread executor, Node only) when it is imported; in the page
// that must not throw. Only what that shim calls is provided.

/**
 * The path part of a URL.
 *
 * @param url - a URL or URL string
 * @returns its decoded pathname
 */
export function fileURLToPath(url: string | URL): string {
  return decodeURIComponent(new URL(String(url)).pathname);
}

/**
 * A `file:` URL for a path.
 *
 * @param path - a path
 * @returns the URL
 */
export function pathToFileURL(path: string): URL {
  return new URL(`file://${path}`);
}
