import {
  TICKET_CATEGORIES,
  TICKET_CATEGORY_LABELS,
  TICKET_CHANNEL_LABELS,
  TICKET_CHANNELS,
  TICKET_SEVERITIES,
  TICKET_SEVERITY_LABELS,
  TICKET_STATUS_LABELS,
  TICKET_STATUSES,
  type TicketChannel,
  type TicketSeverity,
  type TicketStatus,
} from '@core/records';

export interface Option<Value> {
  readonly value: Value;
  readonly label: string;
}

function optionsOf<Value extends string>(values: readonly Value[], labels: Readonly<Record<Value, string>>) {
  return values.map((value): Option<Value> => ({ value, label: labels[value] }));
}

export const STATUS_OPTIONS = optionsOf(TICKET_STATUSES, TICKET_STATUS_LABELS);
export const SEVERITY_OPTIONS = optionsOf(TICKET_SEVERITIES, TICKET_SEVERITY_LABELS);
export const CATEGORY_OPTIONS = optionsOf(TICKET_CATEGORIES, TICKET_CATEGORY_LABELS);
/** A person logs phone, chat, walk-in, ticket-system and e-mail reports; 巡检 tickets come from a run. */
export const INTAKE_CHANNEL_OPTIONS = optionsOf(
  TICKET_CHANNELS.filter(
    (channel): channel is Exclude<TicketChannel, 'inspection'> => channel !== 'inspection',
  ),
  TICKET_CHANNEL_LABELS,
);

/** Tag colours; every tag also carries its label, so colour is never the only signal. */
export const STATUS_COLORS: Readonly<Record<TicketStatus, string>> = {
  new: 'blue',
  responded: 'cyan',
  in_progress: 'geekblue',
  waiting: 'gold',
  resolved: 'green',
  closed: 'default',
};

export const SEVERITY_COLORS: Readonly<Record<TicketSeverity, string>> = {
  ordinary: 'default',
  major: 'orange',
  emergency: 'red',
};

/** "5 网站群": the tender's number and the short name engineers use. */
export function subsystemLabel(
  subsystemId: number,
  subsystems: readonly { readonly id: number; readonly shortName: string }[],
): string {
  const subsystem = subsystems.find((candidate) => candidate.id === subsystemId);
  return subsystem === undefined ? `子项 ${subsystemId}` : `${subsystemId} ${subsystem.shortName}`;
}

/** A user id as shown: the signed-in user's display name, anyone else's id; '未指派' for nobody. */
export function userLabel(
  userId: string | null,
  currentUser: { readonly id: string; readonly displayName: string },
): string {
  if (userId === null || userId === '') return '未指派';
  return userId === currentUser.id ? `${currentUser.displayName}（我）` : userId;
}
