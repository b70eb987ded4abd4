import type { ProductInfo } from './adapter';
import { t } from './l10n';
import type { Product } from './model';

type Words = Pick<ProductInfo, 'pickDescription' | 'noun' | 'nouns'>;

/** A product's facts with its words translated when read, in the language of the moment. */
function productWith(facts: Omit<ProductInfo, keyof Words>, words: { readonly [K in keyof Words]: () => string }): ProductInfo {
  return {
    ...facts,
    get pickDescription() {
      return words.pickDescription();
    },
    get noun() {
      return words.noun();
    },
    get nouns() {
      return words.nouns();
    },
  };
}

const infos = new Map<Product, ProductInfo>([
  [
    'lxca',
    productWith(
      { product: 'lxca', name: 'Lenovo XClarity Administrator', shortName: 'LXCA', icon: 'server', urlExample: 'https://lxca.example.com', editsNotes: false },
      { pickDescription: () => t('LXCA jobs'), noun: () => t('job'), nouns: () => t('jobs') },
    ),
  ],
  [
    'jp1ao',
    productWith(
      { product: 'jp1ao', name: 'JP1/Automatic Operation', shortName: 'JP1/AO', icon: 'server-process', urlExample: 'https://jp1ao.example.com:22016', editsNotes: true },
      { pickDescription: () => t('also Ops Center Automator'), noun: () => t('task'), nouns: () => t('tasks') },
    ),
  ],
]);

/** Every product, in the order the user is offered them. */
export const allProducts: readonly ProductInfo[] = [...infos.values()];

/** A product this version knows, e.g. from settings or saved state. */
export function isProduct(value: unknown): value is Product {
  return typeof value === 'string' && infos.has(value as Product);
}

/** The facts of a product; needs no network and no API bundle. */
export function productInfo(product: Product): ProductInfo {
  const info = infos.get(product);
  if (!info) throw new Error(`Unknown product ${String(product)}`);
  return info;
}
