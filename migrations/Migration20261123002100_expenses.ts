import { Migration } from '@mikro-orm/migrations';

/** Expenses and their seeded categories; amounts are exact decimals, never floats. */
export class Migration20261123002100_expenses extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "expense_categories" (
      "id" serial primary key,
      "name" text not null constraint "expense_categories_name_unique" unique);`);
    this.addSql(`insert into "expense_categories" ("name") values
      ('food'), ('groceries'), ('transport'), ('housing'), ('utilities'), ('entertainment'), ('health'), ('shopping'), ('travel'), ('other');`);

    this.addSql(`create table "expenses" (
      "id" serial primary key,
      "user_id" int not null references "users" ("id") on update cascade on delete cascade,
      "amount" numeric(12,2) not null constraint "expenses_amount_positive" check ("amount" > 0),
      "currency" char(3) not null constraint "expenses_currency_check" check ("currency" ~ '^[A-Z]{3}$'),
      "category_id" int not null references "expense_categories" ("id") on update cascade,
      "description" text null,
      "spent_at" timestamptz not null,
      "created_at" timestamptz not null default now());`);
    this.addSql(`create index "expenses_user_id_spent_at_index" on "expenses" ("user_id", "spent_at");`);
    this.addSql(`create index "expenses_user_id_created_at_index" on "expenses" ("user_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "expenses" cascade;`);
    this.addSql(`drop table if exists "expense_categories" cascade;`);
  }
}
