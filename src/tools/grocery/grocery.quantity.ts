import Big from 'big.js';
import { QUANTITY } from './grocery-item.entity.js';
import { pluralUnit } from './grocery.parse.js';

const MIN = new Big(1).div(10 ** QUANTITY.scale);
const MAX = new Big(QUANTITY.max);

/** "1,000,000", "0.001". */
function grouped(value: Big): string {
  const [whole, fraction] = value.toFixed().split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

export const QUANTITY_RANGE = `${grouped(MIN)} to ${grouped(MAX)}`;

/** The quantity as the column stores it (rounded to its scale, as PostgreSQL rounds), or null when it cannot be stored. */
export function storableQuantity(quantity: number | string): string | null {
  if (typeof quantity === 'number' && !Number.isFinite(quantity)) return null;
  const rounded = new Big(quantity).round(QUANTITY.scale);
  return rounded.gte(MIN) && rounded.lte(MAX) ? rounded.toString() : null;
}

/** Asked when a quantity is out of range: the answer ("12") fills it in. */
export function quantityQuestion(item: { name: string; unit: string | null }): string {
  return `Quantities go from ${QUANTITY_RANGE} — how many ${item.unit ? `${pluralUnit(item.unit)} of ` : ''}${item.name}?`;
}

/** Said when adding to an item would take it past the cap. */
export function tooMuchReply(name: string, total: string): string {
  return `That would make ${grouped(new Big(total))} ${name}, and quantities go up to ${grouped(MAX)}. Nothing was added.`;
}
