import type { HostHandler } from '../ipc/host-ipc-router';
import { askWhereToSave } from './save-dialog';
import { writeChosenFile } from './write-chosen-file';

export const saveFile: HostHandler<'saveFile'> = async (request, { sender }) => {
  const filePath = await askWhereToSave(sender, request.suggestedName);
  if (filePath === undefined) return 'cancelled';
  await writeChosenFile(filePath, request.data);
  return 'saved';
};
