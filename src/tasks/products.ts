import type { ProductInfo } from './adapter';
import { t } from './l10n';
import type { Product } from './model';

const infos = new Map<Product, ProductInfo>([
  [
    'lxca',
    {
      product: 'lxca',
      name: 'Lenovo XClarity Administrator',
      shortName: 'LXCA',
      get pickDescription() {
        return t('LXCA jobs');
      },
      icon: 'server',
      get noun() {
        return t('job');
      },
      get nouns() {
        return t('jobs');
      },
      urlExample: 'https://lxca.example.com',
      editsNotes: false,
    },
  ],
  [
    'jp1ao',
    {
      product: 'jp1ao',
      name: 'JP1/Automatic Operation',
      shortName: 'JP1/AO',
      get pickDescription() {
        return t('also Ops Center Automator');
      },
      icon: 'server-process',
      get noun() {
        return t('task');
      },
      get nouns() {
        return t('tasks');
      },
      urlExample: 'https://jp1ao.example.com:22016',
      editsNotes: true,
    },
  ],
]);

/** Every product, in the order the user is offered them. */
export const allProducts: readonly ProductInfo[] = [...infos.values()];

/** The facts of a product; needs no network and no API bundle. */
/** A product this version knows, e.g. from settings or saved state. */
export function isProduct(value: unknown): value is Product {
  return typeof value === 'string' && infos.has(value as Product);
}

export function productInfo(product: Product): ProductInfo {
  const info = infos.get(product);
  if (!info) throw new Error(`Unknown product ${String(product)}`);
  return info;
}
