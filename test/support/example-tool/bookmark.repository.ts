import { EntityRepository } from '@mikro-orm/postgresql';
import type { Bookmark } from './bookmark.entity.js';

export interface NewBookmark {
  userId: number;
  url: string;
  title: string | null;
  at: Date;
}

/** The bookmark tool's queries: one statement each, through the entity's metadata (no SQL text). */
export class BookmarkRepository extends EntityRepository<Bookmark> {
  /** Keeps the link unless the user already has it; true when it was new. */
  async add({ userId, url, title, at }: NewBookmark): Promise<boolean> {
    const result = await this.createQueryBuilder()
      .insert({ user: userId, url, title, createdAt: at })
      .onConflict(['user', 'url'])
      .ignore()
      .execute('run');
    return result.affectedRows > 0;
  }

  /** The user's links, oldest first, as plain rows (only shown, never changed). */
  list(userId: number): Promise<Pick<Bookmark, 'url' | 'title'>[]> {
    return this.find({ user: userId }, { fields: ['url', 'title'], orderBy: { id: 'asc' }, disableIdentityMap: true });
  }
}
