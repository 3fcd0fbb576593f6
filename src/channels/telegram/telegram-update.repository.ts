import { LockMode, raw } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import type { TelegramUpdate } from './telegram-update.entity.js';

export type UpdateStatus = 'processed' | 'failed' | 'ignored';

export interface NewUpdate {
  updateId: number;
  chatId: number | null;
  kind: string;
  payload: unknown;
  receivedAt: Date;
}

export interface StoredUpdate {
  updateId: number;
  /** As stored: rows written before the webhook checked updates may hold anything. */
  payload: unknown;
}

/** Where a stranded update stands: stored before `before`, never finished, replayed fewer than `maxReplays` times. */
interface Sweep {
  before: Date;
  now: Date;
  maxReplays: number;
}

/** The Telegram updates as they arrived: the webhook's dedupe, their outcome, and the sweep for stranded ones. */
export class TelegramUpdateRepository extends EntityRepository<TelegramUpdate> {
  /** One insert that skips an update_id already stored; false means Telegram redelivered it. */
  async store(row: NewUpdate): Promise<boolean> {
    const { updateId, chatId, kind, payload, receivedAt } = row;
    const result = await this.createQueryBuilder()
      .insert({ updateId: String(updateId), chatId: chatId === null ? null : String(chatId), kind, payload, receivedAt })
      .onConflict('updateId')
      .ignore();
    return result.affectedRows === 1;
  }

  async finish(updateId: number, status: UpdateStatus, at: Date, error?: string): Promise<void> {
    await this.nativeUpdate({ updateId: String(updateId) }, { status, processedAt: at, error: error ?? null });
  }

  /**
   * Claims stranded updates in one statement: moving received_at to `now` is the claim (another instance
   * sweeping at the same time skips them, SKIP LOCKED), and each claim is counted.
   */
  async claimStranded({ before, now, maxReplays }: Sweep, limit: number): Promise<StoredUpdate[]> {
    return this.em.transactional(async (tx) => {
      const due = tx
        .createQueryBuilder<TelegramUpdate, 's'>(this.entityName, 's')
        .select('s.updateId')
        .where({ status: 'received', receivedAt: { $lt: before }, replays: { $lt: maxReplays } })
        .orderBy({ updateId: 'asc' })
        .limit(limit)
        .setLockMode(LockMode.PESSIMISTIC_PARTIAL_WRITE);
      const result = await tx
        .createQueryBuilder<TelegramUpdate>(this.entityName)
        .update({ receivedAt: now, replays: raw('replays + 1') })
        .where({ updateId: { $in: due.getKnexQuery() } })
        .returning(['updateId', 'payload']);
      const rows = (result.rows ?? []) as { update_id: string; payload: unknown }[];
      return rows.map((r) => ({ updateId: Number(r.update_id), payload: parsedJson(r.payload) }));
    });
  }

  /** Stranded updates that `maxReplays` replays did not finish are marked failed rather than run on every sweep. */
  async giveUpStranded({ before, now, maxReplays }: Sweep): Promise<number[]> {
    const result = await this.createQueryBuilder()
      .update({ status: 'failed', processedAt: now, error: `not finished after ${maxReplays} replays` })
      .where({ status: 'received', receivedAt: { $lt: before }, replays: { $gte: maxReplays } })
      .returning(['updateId']);
    return ((result.rows ?? []) as { update_id: string }[]).map((r) => Number(r.update_id));
  }
}

/** A json column as the returning clause gives it: parsed by the driver, or still text. */
function parsedJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
