// Hash routes (#/dyad/IRN/USA?by=year): the server only ever serves index.html and the API.
export interface Route {
  parts: string[];
  params: URLSearchParams;
}

export function currentRoute(): Route {
  const raw = location.hash.replace(/^#/, '') || '/graph';
  const [path = '', search = ''] = raw.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search) };
}

export function go(route: string): void {
  location.hash = `#${route}`;
}
