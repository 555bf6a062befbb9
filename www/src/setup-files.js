// Saving an exportConfig() result as a file: a Blob with the file's media
// type, an object URL and a temporary <a download>. No side effects on
// import; the element's "Set up automatically" area is meant to use it.

/** Characters no file system accepts in a name are replaced by "_". */
function safeFilename(name) {
  // eslint-disable-next-line no-control-regex
  const clean = String(name).replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '');
  return clean || 'mail-settings.txt';
}

function checkFile(file) {
  if (!file || typeof file.content !== 'string' || typeof file.filename !== 'string'
    || typeof file.mimeType !== 'string') {
    throw new TypeError('expected an exportConfig() result: { filename, mimeType, content }');
  }
}

/**
 * The file as a Blob of its media type.
 * @param {{ filename: string, mimeType: string, content: string }} file
 * @returns {Blob}
 */
export function toBlob(file) {
  checkFile(file);
  return new Blob([file.content], { type: file.mimeType });
}

/**
 * Offers the file for download, as a click on a link with a `download`
 * attribute would. The link lives in `container` (default: the document's
 * body) only for the click; the object URL is revoked a little later, once
 * the browser has started reading it.
 * @param {{ filename: string, mimeType: string, content: string }} file
 * @param {{ container?: Element | ShadowRoot, revokeAfterMs?: number }} [options]
 * @returns {HTMLAnchorElement} the (already removed) link, for tests
 */
export function downloadFile(file, { container, revokeAfterMs = 30_000 } = {}) {
  const url = URL.createObjectURL(toBlob(file));
  const doc = container?.ownerDocument ?? globalThis.document;
  const link = doc.createElement('a');
  link.href = url;
  link.download = safeFilename(file.filename);
  link.rel = 'noopener';
  link.hidden = true;
  (container ?? doc.body ?? doc.documentElement).append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), revokeAfterMs);
  }
  return link;
}
