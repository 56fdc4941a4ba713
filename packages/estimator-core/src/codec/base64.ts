// Base64 for bytes in JSON (a TravelSpec's buffers), in Node and in browsers.

/**
 * Base64 of bytes.
 *
 * @param buf - the bytes
 * @returns the base64 text
 * @example
 * ```ts
 * toBase64(new Uint8Array([1, 2]).buffer); // 'AQI='
 * ```
 */
export function toBase64(buf: ArrayBuffer): string {
  const B = (globalThis as { Buffer?: { from(b: ArrayBuffer): { toString(enc: string): string } } })
    .Buffer;
  if (B) return B.from(buf).toString('base64');
  let s = '';
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Bytes from base64, in an ArrayBuffer of this realm.
 *
 * @param s - the base64 text
 * @returns the bytes
 * @example
 * ```ts
 * new Uint8Array(fromBase64('AQI=')); // [1, 2]
 * ```
 */
export function fromBase64(s: string): ArrayBuffer {
  const B = (globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array } }).Buffer;
  const bytes = B ? B.from(s, 'base64') : Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const out = new Uint8Array(bytes.byteLength);
  out.set(bytes);
  return out.buffer;
}
