import type { ProductInfo } from './adapter';
import type { Product } from './model';

const infos = new Map<Product, ProductInfo>([
  [
    'lxca',
    {
      product: 'lxca',
      name: 'Lenovo XClarity Administrator',
      shortName: 'LXCA',
      pickDescription: 'LXCA jobs',
      icon: 'server',
      noun: 'job',
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
      pickDescription: 'also Ops Center Automator',
      icon: 'server-process',
      noun: 'task',
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
