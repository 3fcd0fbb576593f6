import { Migration } from '@mikro-orm/migrations';

/** Users, how they reach us, conversations, every message and the agent log. */
export class Migration20261123000000_core extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "users" (
      "id" serial primary key,
      "phone_number" text not null constraint "users_phone_number_unique" unique,
      "name" text null,
      "timezone" text not null default 'UTC',
      "preferences" jsonb not null default '{}',
      "opted_out" boolean not null default false,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "users_phone_number_e164" check ("phone_number" ~ '^\\+[1-9][0-9]{6,14}$'));`);

    this.addSql(`create table "user_channels" (
      "id" serial primary key,
      "user_id" int not null references "users" ("id") on update cascade on delete cascade,
      "channel" text not null constraint "user_channels_channel_check" check ("channel" in ('sms', 'telegram', 'console')),
      "external_id" text not null,
      "active" boolean not null default true,
      "last_seen_at" timestamptz not null default now(),
      "created_at" timestamptz not null default now(),
      constraint "user_channels_channel_external_id_unique" unique ("channel", "external_id"));`);
    this.addSql(`create index "user_channels_user_id_last_seen_at_index" on "user_channels" ("user_id", "last_seen_at");`);

    this.addSql(`create table "conversation_states" (
      "conversation_id" text primary key,
      "user_id" int not null references "users" ("id") on update cascade on delete cascade,
      "channel" text not null,
      "user_input" text null,
      "focus_areas" jsonb not null default '[]',
      "step_count" int not null default 0,
      "last_tool_result" jsonb null,
      "pending" jsonb null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "conversation_states_user_id_created_at_index" on "conversation_states" ("user_id", "created_at");`);
    this.addSql(`create index "conversation_states_user_id_channel_updated_at_index" on "conversation_states" ("user_id", "channel", "updated_at");`);

    this.addSql(`create table "conversation_messages" (
      "id" bigserial primary key,
      "conversation_id" text not null references "conversation_states" ("conversation_id") on update cascade on delete cascade,
      "user_id" int not null references "users" ("id") on update cascade on delete cascade,
      "channel" text not null,
      "role" text not null constraint "conversation_messages_role_check" check ("role" in ('user', 'assistant', 'tool', 'system')),
      "content" text not null,
      "message_type" text not null default 'text',
      "tool_name" text null,
      "tool_success" boolean null,
      "provider_message_id" text null,
      "status" text null constraint "conversation_messages_status_check" check ("status" in ('received', 'processed', 'failed')),
      "in_reply_to" bigint null references "conversation_messages" ("id") on delete cascade,
      "timestamp" timestamptz not null default now(),
      "metadata" jsonb null);`);
    this.addSql(`create index "conversation_messages_conversation_id_timestamp_index" on "conversation_messages" ("conversation_id", "timestamp");`);
    this.addSql(`create unique index "conversation_messages_channel_provider_message_id_unique" on "conversation_messages" ("channel", "provider_message_id") where "provider_message_id" is not null;`);
    this.addSql(`create index "conversation_messages_in_reply_to_index" on "conversation_messages" ("in_reply_to") where "in_reply_to" is not null;`);

    this.addSql(`create table "agent_logs" (
      "id" bigserial primary key,
      "user_id" int not null references "users" ("id") on update cascade on delete cascade,
      "conversation_id" text null,
      "message_id" bigint null,
      "user_input" text not null,
      "agent_response" text not null,
      "tool_called" text null,
      "tool_output" jsonb null,
      "memory_used" jsonb null,
      "understanding" text not null constraint "agent_logs_understanding_check" check ("understanding" in ('rules', 'llm')),
      "latency_ms" int not null,
      "error" text null,
      "timestamp" timestamptz not null default now());`);
    this.addSql(`create index "agent_logs_user_id_timestamp_index" on "agent_logs" ("user_id", "timestamp");`);
  }

  override async down(): Promise<void> {
    for (const table of ['agent_logs', 'conversation_messages', 'conversation_states', 'user_channels', 'users']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
  }
}
