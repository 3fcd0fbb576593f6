import { Entity, EntityRepositoryType, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { User } from '../../../src/entities/user.entity.js';
import { instantNow } from '../../../src/entities/columns.js';
import { BookmarkRepository } from './bookmark.repository.js';

/** A link the user asked to keep; each user keeps a link once. */
@Entity({ tableName: 'bookmarks', repository: () => BookmarkRepository })
@Unique({ properties: ['user', 'url'] })
export class Bookmark {
  [EntityRepositoryType]?: BookmarkRepository;
  [OptionalProps]?: 'title' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text' })
  url!: string;

  @Property({ type: 'text', nullable: true })
  title?: string | null;

  @Property(instantNow())
  createdAt: Date = new Date();
}
