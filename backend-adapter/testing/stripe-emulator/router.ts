/** Matches `METHOD /path` against route patterns with `:name` placeholders. */
export interface RoutePattern {
  method: string;
  path: string;
}

export interface RouteMatch<R> {
  route: R;
  pathParams: Record<string, string>;
}

export function matchRoute<R extends RoutePattern>(
  routes: readonly R[],
  method: string,
  path: string,
): RouteMatch<R> | null {
  const parts = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== parts.length) continue;
    const pathParams: Record<string, string> = {};
    let matched = true;
    for (let i = 0; i < pattern.length && matched; i++) {
      const want = pattern[i] ?? '';
      const got = parts[i] ?? '';
      if (want.startsWith(':')) {
        if (got === '') matched = false;
        else pathParams[want.slice(1)] = decodeURIComponent(got);
      } else if (want !== got) {
        matched = false;
      }
    }
    if (matched) return { route, pathParams };
  }
  return null;
}

/** True when the path exists for some other method, so the caller can answer 405-like errors honestly. */
export function pathExists(routes: readonly RoutePattern[], path: string): boolean {
  return ['GET', 'POST', 'DELETE'].some((method) => matchRoute(routes, method, path) !== null);
}
