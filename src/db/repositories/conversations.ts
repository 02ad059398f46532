/** Where the matchmakers of a place can be reached in Teams: their personal chats first, then channels. */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { ConversationRef } from '../../core/outbox/messages.js';
import type { Executor } from '../client.js';
import { matchmakers, teamsConversations } from '../schema/index.js';

export async function matchmakerConversationsOf(db: Executor, placeId: number | SQL): Promise<{ conversationId: string; reference: ConversationRef }[]> {
  const rows = await db
    .select({ conversationId: teamsConversations.conversationId, reference: teamsConversations.reference })
    .from(teamsConversations)
    .innerJoin(matchmakers, eq(matchmakers.aadObjectId, teamsConversations.aadObjectId))
    .where(eq(matchmakers.placeId, placeId))
    .orderBy(sql`${teamsConversations.kind} = 'personal' desc`, teamsConversations.updatedAt);
  return rows.map((r) => ({ conversationId: r.conversationId, reference: r.reference as ConversationRef }));
}
