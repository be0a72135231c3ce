import type { Vault } from '../store/vault';
import { VaultError } from '../store/errors';
import { metaValue, setMetaValue } from '../store/queries/meta';
import type { DateOrder } from './extract/dates';

/**
 * The clinic's date order, for numeric dates on scanned paperwork
 * (07-08-2020): month first (U.S. forms) unless set to day first. One
 * setting for the vault, in vault_meta; a date that could be read either
 * way is still shown with its other reading.
 */
const KEY = 'ocr.dateOrder';
export const DATE_ORDERS: readonly DateOrder[] = ['month-first', 'day-first'];

export function readDateOrder(vault: Vault): DateOrder {
  const raw = metaValue(vault.db, KEY);
  return raw === 'day-first' ? 'day-first' : 'month-first';
}

export function saveDateOrder(vault: Vault, order: string): DateOrder {
  if (!DATE_ORDERS.includes(order as DateOrder)) throw new VaultError('invalid-input', `date order "${order}": month-first or day-first`);
  vault.write(() => {
    setMetaValue(vault.db, KEY, order);
    vault.audit('record.write', null, { kind: 'ocr.dateOrder', order });
  });
  return order as DateOrder;
}
