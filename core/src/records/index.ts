export {
  TICKET_CATEGORIES,
  TICKET_CATEGORY_LABELS,
  TICKET_SEVERITIES,
  TICKET_SEVERITY_LABELS,
  ticketCategorySchema,
  ticketSeveritySchema,
  type TicketCategory,
  type TicketSeverity,
} from './classification';
export {
  RECORD_KINDS,
  RECORD_TYPE_LABELS,
  recordKind,
  type BlobField,
  type DerivedField,
  type OwnerField,
  type RecordKind,
  type RecordScopeRule,
} from './record-kinds';
export { isRecordId, newRecordId, recordIdSchema, secureRandomBytes, type RecordId } from './record-id';
export {
  RECORD_TYPES,
  SUBSYSTEM_ID_MAX,
  SUBSYSTEM_ID_MIN,
  instantSchema,
  recordEnvelopeSchema,
  recordEnvelopeShape,
  recordTypeSchema,
  subsystemIdSchema,
  userIdSchema,
  type RecordEnvelope,
  type RecordType,
} from './record-envelope';
export {
  RecordValidationError,
  parseRecord,
  parseRecordOrThrow,
  refuse,
  safeParseInChinese,
  type Refusal,
} from './validation';
export { diffFields, valuesEqual, type FieldChange } from './field-diff';
export { ITEM_LIST_FIELDS, historyValues, isItemListField } from './history-values';
export {
  MAX_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  TICKET_CHANNELS,
  TICKET_CHANNEL_LABELS,
  OPEN_TICKET_STATUSES,
  TICKET_STATUSES,
  TICKET_STATUS_LABELS,
  attachmentSchema,
  chatEvidenceSchema,
  inspectionLinkSchema,
  reporterSchema,
  sha256Schema,
  ticketChannelSchema,
  ticketContentShape,
  ticketSchema,
  ticketStatusSchema,
  type Attachment,
  type ChatEvidence,
  type InspectionLink,
  type Reporter,
  type Ticket,
  type TicketChannel,
  type TicketStatus,
} from './ticket';
export {
  STATUS_EVENT_KINDS,
  TICKET_EVENT_LABELS,
  ticketEventSchema,
  type TicketEvent,
  type TicketEventKind,
} from './ticket-event';
export {
  TICKET_CONTENT_FIELDS,
  editTicket,
  newTicket,
  ticketDraftSchema,
  type CreateContext,
  type TicketContent,
  type TicketDraft,
  type TicketResult,
} from './ticket-create';
export {
  TICKET_ACTIONS,
  TICKET_ACTION_LABELS,
  allowedActions,
  statusFromEvents,
  transition,
  type TicketAction,
  type TransitionContext,
  type TransitionResult,
} from './ticket-status';
export { deleteTicket, restoreTicket, type DeleteContext } from './ticket-delete';
export {
  INSPECTION_ITEM_KINDS,
  INSPECTION_ITEM_KIND_LABELS,
  inspectionItemSchema,
  inspectionScheduleSchema,
  inspectionTemplateSchema,
  slugSchema,
  type InspectionItem,
  type InspectionItemKind,
  type InspectionSchedule,
  type InspectionTemplate,
  type InspectionTemplateInput,
} from './inspection-template';
export {
  newTemplate,
  reviseTemplate,
  type TemplateContent,
  type TemplateResult,
  type TemplateSaveContext,
} from './inspection-template-versions';
export {
  inspectionResultSchema,
  inspectionRunSchema,
  inspectionValueSchema,
  slotKeySchema,
  type InspectionResult,
  type InspectionRun,
  type InspectionValue,
} from './inspection-run';
export { evaluateItem, formatReading, type ItemEvaluation } from './inspection-evaluate';
export {
  finishRun,
  linkResultToTicket,
  recordResult,
  startRun,
  type ResultInput,
  type RunResult,
  type StartRunContext,
} from './inspection-run-actions';
export {
  SLOT_STATE_LABELS,
  dueSlots,
  slotStatus,
  type InspectionSlot,
  type SlotState,
  type SlotStatus,
} from './inspection-schedule';
export { ticketDraftFromFailedItem } from './inspection-ticket-draft';
export { templateContentFromProfile } from './inspection-template-from-profile';
export {
  CONTRACT_WIDE,
  placementOf,
  placementSubsystemIdSchema,
  type RecordPlacement,
} from './record-placement';
