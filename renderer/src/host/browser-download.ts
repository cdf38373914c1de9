/**
 * Hands a file to the browser's own download handling. The browser decides where it goes and does not
 * report back, which is why WebHost answers `handed-to-browser` rather than `saved`.
 */
export function downloadThroughBrowser(fileName: string, mimeType: string, data: Uint8Array | string): void {
  // Copying into a fresh Uint8Array gives Blob an ArrayBuffer-backed view, whatever backed the input.
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample for it to start.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
