import { User } from './user.entity.js';
import { UserChannel } from './user-channel.entity.js';
import { ConversationState } from './conversation-state.entity.js';
import { ConversationMessage } from './conversation-message.entity.js';
import { AgentLog } from './agent-log.entity.js';
import { OutboundMessage } from './outbound-message.entity.js';
import { RateLimit } from './rate-limit.entity.js';

export { User, UserChannel, ConversationState, ConversationMessage, AgentLog, OutboundMessage, RateLimit };
export const coreEntities = [User, UserChannel, ConversationState, ConversationMessage, AgentLog, OutboundMessage, RateLimit];
