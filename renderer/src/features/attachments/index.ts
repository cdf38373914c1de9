export { AttachmentDropZone } from './AttachmentDropZone';
export { AttachmentList } from './AttachmentList';
export { useAddAttachments, useAttachmentUrl } from './use-attachment-data';
export {
  attachmentName,
  attachmentProblem,
  filesOf,
  formatBytes,
  isImage,
  takePastedFiles,
} from './attachment-files';
