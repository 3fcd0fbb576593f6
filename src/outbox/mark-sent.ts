import type { Connection } from '@mikro-orm/core';
import type { ChannelId } from '../entities/user-channel.entity.js';

export interface SentRow {
  id: string;
  channel: ChannelId;
  recipient: string;
  providerMessageId: string | null;
  segments: number | null;
}

type Sql = Pick<Connection, 'execute'>;

/**
 * Records provider accepts as 'sent' a few rows per statement instead of one. A row stays 'sending' (leased)
 * until its group is written, so a crash in between can resend at most the rows accepted but not yet written:
 * the duplicate window the README states (in practice a group or two, at most the claimed batch), resent after the lease.
 */
export function createSentMarker(sql: () => Sql, groupSize: number) {
  let pending: SentRow[] = [];

  async function flush(now: Date): Promise<void> {
    if (!pending.length) return;
    const rows = pending;
    pending = [];
    await sql().execute(
      `update outbound_messages o set status = 'sent', channel = x.channel, recipient = x.recipient, provider_message_id = x.provider_message_id,
              segments = x.segments, last_error = null, updated_at = ?
         from jsonb_to_recordset(?::jsonb) as x(id bigint, channel text, recipient text, provider_message_id text, segments int)
        where o.id = x.id and o.status = 'sending'`,
      [now, JSON.stringify(rows.map((r) => ({
        id: r.id, channel: r.channel, recipient: r.recipient, provider_message_id: r.providerMessageId, segments: r.segments,
      })))],
      'run',
    );
  }

  return {
    async add(row: SentRow, now: Date): Promise<void> {
      pending.push(row);
      if (pending.length >= groupSize) await flush(now);
    },
    flush,
  };
}
