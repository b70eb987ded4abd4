// Method + path-pattern routing shared by both servers. Patterns use `:name` segments.
import type { SimRequest, SimResponse } from './server';

export type Params = Record<string, string>;
export type RouteHandler = (req: SimRequest, params: Params) => SimResponse;

interface Route<H> {
  method: string;
  pattern: RegExp;
  names: string[];
  handle: H;
}

export type RouteMatch<H = RouteHandler> =
  | { kind: 'found'; handle: H; params: Params }
  | { kind: 'wrongMethod' }
  | { kind: 'notFound' };

export class Router<H = RouteHandler> {
  private readonly routes: Route<H>[] = [];

  add(method: string, path: string, handle: H): this {
    const names: string[] = [];
    const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handle });
    return this;
  }

  match(method: string, path: string): RouteMatch<H> {
    let pathKnown = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathKnown = true;
      if (route.method !== method) continue;
      const params: Params = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1])));
      return { kind: 'found', handle: route.handle, params };
    }
    return pathKnown ? { kind: 'wrongMethod' } : { kind: 'notFound' };
  }
}
