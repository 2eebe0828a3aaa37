/** A role of the demo company, as the persona picker offers them. */
export type Role = 'employee' | 'supervisor' | 'admin';

/** The button the persona picker shows for each role. */
export const SIGN_IN_BUTTON: Record<Role, string> = {
  employee: 'Sign in as Employee',
  supervisor: 'Sign in as Supervisor',
  admin: 'Sign in as Administrator',
};

/** A query string's values; null and undefined are left out. */
export type Query = Record<string, string | number | null | undefined>;

/** An answer of the API, its body parsed when it is JSON. */
export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/** The API as one demo persona: the same person the tab signs in when its button is pressed. */
export interface DemoApi {
  token: string;
  get<T>(path: string, query?: Query): Promise<T>;
  request<T = unknown>(method: string, path: string, body?: unknown, query?: Query): Promise<ApiAnswer<T>>;
}

/** Signs a persona in through `POST /api/v1/demo/sign-in` (as the picker does) and returns its API. */
export async function demoApi(baseUrl: string, role: Role): Promise<DemoApi> {
  const personas = await json<{ role: Role; upn: string }[]>(await fetch(`${baseUrl}/api/v1/demo/personas`));
  const upn = personas.find((persona) => persona.role === role)?.upn;
  const signIn = await withRetryOn429(() =>
    fetch(`${baseUrl}/api/v1/demo/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role, user: upn }),
    }),
  );
  const { token } = await json<{ token: string }>(signIn);
  const request = async <T>(method: string, path: string, body?: unknown, query?: Query) => {
    const response = await withRetryOn429(() =>
      fetch(url(baseUrl, path, query), {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    const parsed =
      (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, body: parsed as T };
  };
  return {
    token,
    request,
    async get<T>(path: string, query?: Query) {
      const answer = await request<T>('GET', path, undefined, query);
      if (answer.status !== 200)
        throw new Error(`GET ${path} as ${role}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
  };
}

/** `path?query` against the demo, with the values that are set. */
export function url(baseUrl: string, path: string, query: Query = {}): string {
  const target = new URL(path, baseUrl);
  for (const [name, value] of Object.entries(query))
    if (value !== null && value !== undefined) target.searchParams.set(name, String(value));
  return target.href;
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Sign-in and exports are rate limited per address; a test waits its turn rather than fail. */
async function withRetryOn429(send: () => Promise<Response>): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await send();
    if (response.status !== 429 || attempt === 5) return response;
    await new Promise((resolve) => setTimeout(resolve, 1_100));
  }
}
