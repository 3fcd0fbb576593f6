import Big from 'big.js';
import { AMOUNT } from './expense.entity.js';
import { formatMoney } from './expense.money.js';

/** 9,999,999,999.99: the largest the column holds. */
const LARGEST = new Big(10).pow(AMOUNT.precision - AMOUNT.scale).minus(new Big(1).div(10 ** AMOUNT.scale));

/** The decimals a currency is counted in (USD 2, JPY 0), never more than the column keeps. */
export function currencyDigits(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? AMOUNT.scale;
  return Math.min(digits, AMOUNT.scale);
}

/** Why an amount cannot be logged in this currency, in words for the person; null when it can (checked before any write). */
export function amountProblem(amount: string, currency: string): string | null {
  const digits = currencyDigits(currency);
  const value = new Big(amount);
  const smallest = new Big(1).div(10 ** digits);
  const largest = LARGEST.round(digits, Big.roundDown);
  if (value.gte(smallest) && value.lte(largest) && value.round(digits).eq(value)) return null;
  const range = `from ${formatMoney(smallest.toFixed(), currency, digits)} to ${formatMoney(largest.toFixed(), currency, digits)}`;
  const rule = digits
    ? `${currency} amounts go ${range}, with at most ${digits} decimals`
    : `${currency} amounts are whole numbers ${range}`;
  return `${rule} — please send it again with the amount.`;
}
