/**
 * Opens the browser's print dialog, where the user picks "另存为 PDF". Chromium proposes the document
 * title as the file name, so the title is the suggested name for the duration of the dialog; a
 * landscape request becomes an @page rule for the same span.
 */
export function printThroughBrowser(suggestedName: string, landscape: boolean): void {
  const previousTitle = document.title;
  const pageStyle = document.createElement('style');
  pageStyle.textContent = `@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; }`;
  document.head.append(pageStyle);
  document.title = suggestedName.replace(/\.pdf$/i, '');
  try {
    window.print();
  } finally {
    document.title = previousTitle;
    pageStyle.remove();
  }
}
