import { newRecordId } from '@core/records/record-id';
import type { Ticket } from '@core/records/ticket';
import { newTicket } from '@core/records/ticket-create';
import { type TicketAction, transition } from '@core/records/ticket-status';
import { encodeHlc, initialHlc, tick, type Hlc } from '@core/sync/hlc';
import { API_PATHS, SCHEMA_VERSION_HEADER, SYNC_SCHEMA_VERSION, type PushOpInput } from '@core/sync/protocol';
import type { ServerAccount } from './yunwei-server';

/**
 * Records a spec needs on the server before a browser opens, pushed through the sync API as one PC of
 * a user would push them: so the app receives them as it receives any synced record.
 */
export class SeedPush {
  private clock: Hlc;
  private seq = 0;
  readonly ops: PushOpInput[] = [];

  constructor(readonly nodeId: string) {
    this.clock = initialHlc(nodeId);
  }

  /** One save of a whole record; one of no subsystem (a visit, contract-wide duty) is filed under 0. */
  add(recordType: PushOpInput['recordType'], record: { id: string; subsystemId?: number | null }): void {
    this.clock = tick(this.clock, Date.now());
    const hlc = encodeHlc(this.clock);
    this.seq += 1;
    const { updatedAt: _derived, ...fields } = record as unknown as Record<string, unknown>;
    this.ops.push({
      seq: this.seq,
      opId: newRecordId(),
      kind: 'change',
      recordType,
      recordId: record.id,
      subsystemId: record.subsystemId ?? 0,
      fields: Object.entries(fields).map(([field, value]) => ({ field, value: value as never, hlc })),
    });
  }

  /** Signs in as `account` and pushes every op, 400 at a time; any refused op fails the seeding. */
  async pushAs(url: string, account: ServerAccount): Promise<void> {
    const headers = {
      'content-type': 'application/json',
      [SCHEMA_VERSION_HEADER]: String(SYNC_SCHEMA_VERSION),
    };
    const login = await fetch(`${url}${API_PATHS.login}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: account.name, password: account.password }),
    });
    if (!login.ok) throw new Error(`${account.name} 登录失败：${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    for (let start = 0; start < this.ops.length; start += 400) {
      const response = await fetch(`${url}${API_PATHS.push}`, {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${token}` },
        body: JSON.stringify({
          clientId: this.nodeId,
          schemaVersion: SYNC_SCHEMA_VERSION,
          ops: this.ops.slice(start, start + 400),
        }),
      });
      if (!response.ok) throw new Error(`推送种子数据失败：${response.status} ${await response.text()}`);
      const { results } = (await response.json()) as { results: { status: string; reason?: string }[] };
      const refused = results.filter((result) => result.status !== 'applied');
      if (refused.length > 0)
        throw new Error(`种子数据被拒：${refused.map((result) => result.reason).join('；')}`);
    }
  }
}

/**
 * A phoned-in fault ticket of `subsystemId` received at `receivedAt` and taken through `steps` (each
 * an action and its time) by `actor`, reported by `person` of the department's office.
 */
export function seedTicket(
  ticket: {
    readonly subsystemId: number;
    readonly title: string;
    readonly receivedAt: number;
    readonly actor: string;
    readonly person: string;
  },
  steps: readonly (readonly [TicketAction, number])[],
): Ticket {
  const made = newTicket(
    {
      subsystemId: ticket.subsystemId,
      channel: 'phone',
      title: ticket.title,
      reporter: { unit: '省人社厅办公室', person: ticket.person, phone: '' },
      category: 'fault',
      severity: 'ordinary',
      resolution: '已处理',
      receivedAt: ticket.receivedAt,
    },
    { actor: ticket.actor, at: ticket.receivedAt },
  );
  if (!made.ok) throw new Error(made.reason);
  return steps.reduce((current, [action, at]) => {
    const result = transition(current, action, { actor: ticket.actor, at });
    if (!result.ok) throw new Error(result.reason);
    return result.ticket;
  }, made.ticket);
}
