import { EntityRepository } from '@mikro-orm/postgresql';
import type { UserList } from './user-list.entity.js';

export interface ListRow {
  id: number;
  name: string;
}

/** The named lists' queries; their items are read and written through the grocery repository. */
export class UserListRepository extends EntityRepository<UserList> {
  async byKey(userId: number, key: string): Promise<ListRow | null> {
    const [row] = await this.createQueryBuilder('l').select(['id', 'name']).where({ user: userId, key }).execute<ListRow[]>('all');
    return row ?? null;
  }

  /** The list under this key, made on first use; `created` says which. Concurrent first uses meet on the unique key. */
  async findOrCreate(userId: number, name: string, key: string, now: Date): Promise<{ list: ListRow; created: boolean }> {
    const inserted = await this.createQueryBuilder()
      .insert({ user: userId, name, key, createdAt: now })
      .onConflict(['user', 'key'])
      .ignore()
      .execute<{ id: number }[]>('all');
    if (inserted[0]) return { list: { id: inserted[0].id, name }, created: true };
    return { list: (await this.byKey(userId, key))!, created: false };
  }

  /** Every named list of the user, oldest first. */
  all(userId: number): Promise<ListRow[]> {
    return this.createQueryBuilder('l')
      .select(['id', 'name'])
      .where({ user: userId })
      .orderBy([{ createdAt: 'asc' }, { id: 'asc' }])
      .execute<ListRow[]>('all');
  }

  async remove(id: number): Promise<void> {
    await this.nativeDelete({ id });
  }

  /** Many users' lists with their items, in one statement (`cli dump`): by user, then oldest first. */
  withItemsOfUsers(userIds: readonly number[]): Promise<UserList[]> {
    return this.find({ user: { $in: [...userIds] } }, {
      populate: ['items'],
      strategy: 'joined',
      orderBy: { user: 'asc', createdAt: 'asc', id: 'asc', items: { createdAt: 'asc', id: 'asc' } },
    });
  }
}
