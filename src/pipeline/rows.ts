import { toDate } from '../db/sql.js';
import { ConversationState, User } from '../entities/index.js';

/** A `users` row as `row_to_json` gives it. */
export type UserJson = Record<string, any>;
/** A `conversation_states` row as `row_to_json` gives it. */
export type ConversationJson = Record<string, any>;

/**
 * The user as plain data for the fast path: a `User` instance no entity manager knows (cheap to build, never
 * flushed). The ORM path maps the same JSON with `em.map` instead.
 */
export function userFromJson(row: UserJson): User {
  const user = new User();
  user.id = row.id;
  user.phoneNumber = row.phone_number;
  user.name = row.name ?? null;
  user.timezone = row.timezone;
  user.preferences = row.preferences ?? {};
  user.optedOut = row.opted_out;
  user.createdAt = toDate(row.created_at);
  user.updatedAt = toDate(row.updated_at);
  return user;
}

export function conversationFromJson(row: ConversationJson, user: User): ConversationState {
  const conversation = new ConversationState();
  conversation.conversationId = row.conversation_id;
  conversation.user = user;
  conversation.channel = row.channel;
  conversation.userInput = row.user_input ?? null;
  conversation.focusAreas = row.focus_areas ?? [];
  conversation.stepCount = row.step_count;
  conversation.lastToolResult = row.last_tool_result ?? null;
  conversation.pending = row.pending ?? null;
  conversation.createdAt = toDate(row.created_at);
  conversation.updatedAt = toDate(row.updated_at);
  return conversation;
}
