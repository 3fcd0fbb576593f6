import { Migration } from '@mikro-orm/migrations';

/** The grocery list: one row per item, merged by name while unchecked. */
export class Migration20261123002000_grocery extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "grocery_items" (
      "id" serial primary key,
      "user_id" int not null references "users" ("id") on update cascade on delete cascade,
      "name" text not null constraint "grocery_items_name_not_blank" check (length(trim("name")) > 0),
      "quantity" numeric(12,3) null constraint "grocery_items_quantity_positive" check ("quantity" is null or "quantity" > 0),
      "unit" text null,
      "category" text not null default 'other' constraint "grocery_items_category_check" check ("category" in ('produce', 'dairy', 'bakery', 'meat', 'pantry', 'frozen', 'household', 'other')),
      "done" boolean not null default false,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "grocery_items_user_id_done_index" on "grocery_items" ("user_id", "done");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "grocery_items" cascade;`);
  }
}
