import type { HostHandler } from '../ipc/host-ipc-router';
import { askWhereToSave } from './save-dialog';
import { writeChosenFile } from './write-chosen-file';

/** A4 like every document the department files; the page's own print CSS decides the rest. */
export const printToPdf: HostHandler<'printToPdf'> = async (request, { sender }) => {
  const filePath = await askWhereToSave(sender, request.suggestedName);
  if (filePath === undefined) return 'cancelled';
  const pdf = await sender.printToPDF({
    pageSize: 'A4',
    landscape: request.landscape,
    printBackground: true,
  });
  await writeChosenFile(filePath, pdf);
  return 'saved';
};
