/** A media type as in a Content-Type header: "multipart/related; type="application/dicom"; boundary=xyz". */
export interface MediaType {
  /** Lower case, without parameters: "multipart/related". */
  readonly type: string;
  /** Parameter names in lower case; values unquoted (RFC 9110 quoted-string, backslash escapes). */
  readonly params: ReadonlyMap<string, string>;
}

export function parseMediaType(header: string): MediaType {
  const semicolon = header.indexOf(';');
  const type = (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  const params = new Map<string, string>();
  let rest = semicolon === -1 ? '' : header.slice(semicolon + 1);
  // name=token or name="quoted \" string", separated by ';'
  const param = /^\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))\s*(?:;|$)/;
  while (rest.trim() !== '') {
    const match = param.exec(rest);
    if (!match) {
      // A malformed parameter: skip to the next ';' rather than give up on the rest.
      const next = rest.indexOf(';');
      if (next === -1) break;
      rest = rest.slice(next + 1);
      continue;
    }
    const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '').trim();
    const name = match[1]!.toLowerCase();
    if (!params.has(name)) params.set(name, value);
    rest = rest.slice(match[0].length);
  }
  return { type, params };
}
