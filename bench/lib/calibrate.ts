import pg from 'pg';

/** Everything one message of a given text wrote in Errand's database, replayed verbatim by the floor. */
export interface MessagePlan {
  text: string;
  reply: string;
  replyMetadata: unknown;
  inboundMetadata: unknown;
  tools: { toolName: string | null; content: string; toolSuccess: boolean | null }[];
  agentLog: { toolCalled: string | null; toolOutput: unknown; understanding: string };
  lastToolResult: unknown;
  focusAreas: unknown;
  toolRows: { table: string; columns: string[]; values: unknown[] }[];
  /** Other tables a message touched that the floor cannot replay generically (e.g. updates), for the report. */
}

const CORE = new Set(['users', 'user_channels', 'conversation_states', 'conversation_messages', 'agent_logs', 'mikro_orm_migrations']);

/**
 * Reads back what each calibration sender's single message wrote: one sender per distinct text, so every
 * row of that user in a tool table (reminders, grocery_items, expenses…) belongs to that one message.
 */
export async function readPlans(url: string, senders: Map<string, string>): Promise<Map<string, MessagePlan>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const toolTables = await tablesWithUserId(client);
    const plans = new Map<string, MessagePlan>();
    for (const [text, phone] of senders) {
      const { rows: [msg] } = await client.query(
        `select m.id, m.user_id, m.metadata, s.last_tool_result, s.focus_areas from conversation_messages m
           join users u on u.id = m.user_id join conversation_states s on s.conversation_id = m.conversation_id
          where u.phone_number = $1 and m.role = 'user' order by m.id limit 1`,
        [phone],
      );
      if (!msg) throw new Error(`calibration message for "${text}" was not stored`);
      const answers = (await client.query(`select role, content, tool_name, tool_success, metadata from conversation_messages where in_reply_to = $1 order by id`, [msg.id])).rows;
      const assistant = answers.find((a) => a.role === 'assistant');
      const { rows: [log] } = await client.query(`select tool_called, tool_output, understanding from agent_logs where message_id = $1`, [msg.id]);
      const toolRows: MessagePlan['toolRows'] = [];
      for (const t of toolTables) {
        const { rows } = await client.query(`select * from "${t.table}" where user_id = $1`, [msg.user_id]);
        for (const row of rows) {
          const columns = Object.keys(row).filter((c) => c !== 'id' && c !== 'user_id');
          toolRows.push({ table: t.table, columns, values: columns.map((c) => (t.json.has(c) && row[c] !== null ? JSON.stringify(row[c]) : row[c])) });
        }
      }
      plans.set(text, {
        text,
        reply: assistant?.content ?? '',
        replyMetadata: assistant?.metadata ?? null,
        inboundMetadata: msg.metadata,
        tools: answers.filter((a) => a.role === 'tool').map((a) => ({ toolName: a.tool_name, content: a.content, toolSuccess: a.tool_success })),
        agentLog: { toolCalled: log?.tool_called ?? null, toolOutput: log?.tool_output ?? null, understanding: log?.understanding ?? 'rules' },
        lastToolResult: msg.last_tool_result,
        focusAreas: msg.focus_areas,
        toolRows,
      });
    }
    return plans;
  } finally {
    await client.end();
  }
}

async function tablesWithUserId(client: pg.Client): Promise<{ table: string; json: Set<string> }[]> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `select table_name, column_name, data_type from information_schema.columns where table_schema = 'public'`,
  );
  const tables = new Map<string, { hasUser: boolean; json: Set<string> }>();
  for (const r of rows) {
    const t = tables.get(r.table_name) ?? { hasUser: false, json: new Set<string>() };
    if (r.column_name === 'user_id') t.hasUser = true;
    if (r.data_type === 'jsonb' || r.data_type === 'json') t.json.add(r.column_name);
    tables.set(r.table_name, t);
  }
  // consent_log and outbound_messages are not written by ordinary messages.
  return [...tables].filter(([name, t]) => t.hasUser && !CORE.has(name) && name !== 'consent_log' && name !== 'outbound_messages').map(([table, t]) => ({ table, json: t.json }));
}
