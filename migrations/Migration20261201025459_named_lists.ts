import { Migration } from '@mikro-orm/migrations';

/**
 * Named lists beside the grocery list. The grocery list is the items without a list: every row already in
 * grocery_items is a grocery and stays exactly where it is (list_id null), with its category, quantity and state.
 */
export class Migration20261201025459_named_lists extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "user_lists" ("id" serial primary key, "user_id" int not null, "name" text not null, "key" text not null, "created_at" timestamptz not null default now(), constraint user_lists_name_not_blank check (length(trim(both from name)) > 0));`);
    this.addSql(`alter table "user_lists" add constraint "user_lists_user_id_key_unique" unique ("user_id", "key");`);

    this.addSql(`alter table "user_lists" add constraint "user_lists_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "grocery_items" add column "list_id" int null;`);
    this.addSql(`alter table "grocery_items" add constraint "grocery_items_list_id_foreign" foreign key ("list_id") references "user_lists" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "grocery_items_list_id_index" on "grocery_items" ("list_id");`);
  }

  override async down(): Promise<void> {
    // Without list_id a named list's items would read as groceries: they go with their lists.
    this.addSql(`delete from "grocery_items" where "list_id" is not null;`);
    this.addSql(`alter table "grocery_items" drop constraint "grocery_items_list_id_foreign";`);

    this.addSql(`drop table if exists "user_lists" cascade;`);

    this.addSql(`drop index "grocery_items_list_id_index";`);
    this.addSql(`alter table "grocery_items" drop column "list_id";`);
  }

}
