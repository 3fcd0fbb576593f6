import pg from 'pg';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { MessagePlan } from './lib/calibrate.js';
import type { Webhook } from './lib/messages.js';

export interface FloorResult {
  connections: number;
  seconds: number;
  messages: number;
  perSecond: number;
  statementsPerMessage: number;
  clientCpuMsPerMessage: number;
  pgCpuMs: number;
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/**
 * The raw-database floor: for each message, exactly the rows Errand ends up with (user upsert, channel upsert,
 * conversation state, the user/tool/assistant messages, the agent log, the tool's own rows), written with raw
 * `pg` in ONE transaction, `connections` at a time. No HTTP, no ORM, no understanding, no signature check.
 */
export async function runFloor(
  url: string,
  next: () => Webhook,
  plans: Map<string, MessagePlan>,
  connections: number,
  seconds: number,
  pgCpu: () => Promise<number> = async () => 0,
): Promise<FloorResult> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  let messages = 0;
  let statements = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < deadline) {
        const wh = next();
        const plan = plans.get(wh.text);
        if (!plan) throw new Error(`no plan for "${wh.text}"`);
        const n = await writeMessage(client, wh, plan);
        statements += n;
        messages++;
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const pgCpuMs = await pgCpu();
  await pool.end();
  return {
    connections,
    seconds: elapsed,
    messages,
    perSecond: messages / elapsed,
    statementsPerMessage: statements / Math.max(1, messages),
    clientCpuMsPerMessage: (cpu.user + cpu.system) / 1000 / Math.max(1, messages),
    pgCpuMs,
  };
}

async function writeMessage(c: pg.PoolClient, wh: Webhook, plan: MessagePlan): Promise<number> {
  const now = new Date();
  const idleSince = new Date(now.getTime() - 360 * 60_000);
  let n = 0;
  const q = async (sql: string, params: unknown[] = []) => {
    n++;
    return (await c.query(sql, params)).rows;
  };
  await q('begin');
  try {
    const [user] = await q(
      `insert into users (phone_number, timezone) values ($1, 'UTC') on conflict (phone_number) do update set phone_number = excluded.phone_number returning id`,
      [wh.from],
    );
    const userId = user!.id as number;
    await q(
      `insert into user_channels (user_id, channel, external_id, active, last_seen_at, created_at) values ($1, 'sms', $2, true, $3, $3)
       on conflict (channel, external_id) do update set user_id = excluded.user_id, active = excluded.active, last_seen_at = excluded.last_seen_at`,
      [userId, wh.from, now],
    );
    const hasTools = plan.tools.length > 0;
    const setTools = hasTools ? ', last_tool_result = $4, focus_areas = $5' : '';
    const toolParams = hasTools ? [json(plan.lastToolResult), json(plan.focusAreas)] : [];
    let [conv] = await q(
      `update conversation_states set step_count = step_count + 1, user_input = $2, updated_at = $3${setTools}
        where conversation_id = (select conversation_id from conversation_states where user_id = $1 and channel = 'sms' and updated_at >= $${hasTools ? 6 : 4}
                                  order by updated_at desc limit 1)
       returning conversation_id`,
      [userId, wh.text, now, ...toolParams, idleSince],
    );
    if (!conv) {
      [conv] = await q(
        `insert into conversation_states (conversation_id, user_id, channel, user_input, step_count, last_tool_result, focus_areas, created_at, updated_at)
         values (gen_random_uuid()::text, $1, 'sms', $2, 1, $3, coalesce($4::jsonb, '[]'), $5, $5) returning conversation_id`,
        [userId, wh.text, hasTools ? json(plan.lastToolResult) : null, hasTools ? json(plan.focusAreas) : null, now],
      );
    }
    const conversationId = conv!.conversation_id as string;
    const [inbound] = await q(
      `insert into conversation_messages (conversation_id, user_id, channel, role, content, message_type, provider_message_id, status, timestamp, metadata)
       values ($1, $2, 'sms', 'user', $3, 'text', $4, 'processed', $5, $6) returning id`,
      [conversationId, userId, wh.text, wh.sid, now, json(plan.inboundMetadata)],
    );
    const answers: unknown[][] = [
      ...plan.tools.map((t) => ['tool', t.content, 'tool_result', t.toolName, t.toolSuccess, null]),
      ['assistant', plan.reply, 'text', null, null, json(plan.replyMetadata)],
    ];
    const values = answers.map((_, i) => `($1, $2, 'sms', $${i * 6 + 5}, $${i * 6 + 6}, $${i * 6 + 7}, $${i * 6 + 8}, $${i * 6 + 9}, $3, $4, $${i * 6 + 10})`);
    await q(
      `insert into conversation_messages (conversation_id, user_id, channel, role, content, message_type, tool_name, tool_success, in_reply_to, timestamp, metadata) values ${values.join(', ')}`,
      [conversationId, userId, inbound!.id, now, ...answers.flat()],
    );
    await q(
      `insert into agent_logs (user_id, conversation_id, message_id, user_input, agent_response, tool_called, tool_output, understanding, latency_ms, timestamp)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9)`,
      [userId, conversationId, inbound!.id, wh.text, plan.reply, plan.agentLog.toolCalled, json(plan.agentLog.toolOutput), plan.agentLog.understanding, now],
    );
    for (const row of plan.toolRows) {
      const cols = ['user_id', ...row.columns].map((col) => `"${col}"`).join(', ');
      const params = row.columns.map((_, i) => `$${i + 2}`).join(', ');
      await q(`insert into "${row.table}" (${cols}) values ($1, ${params})`, [userId, ...row.values]);
    }
    await q('commit');
  } catch (err) {
    await c.query('rollback');
    throw err;
  }
  return n;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.error('bench/floor.ts runs as part of `npm run bench:inbound` (it replays what Errand wrote in the same run).');
  process.exit(2);
}
