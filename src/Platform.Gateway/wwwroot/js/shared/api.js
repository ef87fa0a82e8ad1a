// The REST API of docs/api.md. Every call answers parsed JSON or throws an ApiError. Every request
// carries X-Platform-Client: the gateway refuses a POST or DELETE without a body that lacks it, since
// a page of another site could send one (docs/api.md, "Errors and cross-site requests"). The session
// is a cookie the browser sends by itself; a POST or DELETE also carries the session's antiforgery
// token, which a page of another site cannot read. A 401 means the session ended: the app is told
// ('platform:signed-out') and shows the sign-in page.

export class ApiError extends Error {
    constructor(status, problem) {
        super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
        this.status = status;
        this.problem = problem;
    }
}

const baseHeaders = { Accept: 'application/json', 'X-Platform-Client': 'web' };

let antiforgery = null;

/** Forgets the antiforgery token: a new session has its own. */
export function resetAntiforgery() {
    antiforgery = null;
}

async function antiforgeryHeaders({ method, signingIn }) {
    // Signing in makes the session: there is no token before it.
    if (!method || method === 'GET' || signingIn) return {};
    antiforgery ??= await request('/api/session/antiforgery');
    return { [antiforgery.header]: antiforgery.token };
}

async function request(path, init = {}) {
    const headers = { ...baseHeaders, ...(await antiforgeryHeaders(init)), ...init.headers };
    const { signingIn, ...options } = init;
    const response = await fetch(path, { ...options, headers });
    if (response.status === 401 && !signingIn) window.dispatchEvent(new CustomEvent('platform:signed-out'));
    const text = await response.text();
    let body = null;
    if (text) {
        try {
            body = JSON.parse(text);
        } catch {
            body = { title: text };
        }
    }
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
}

const job = (id) => `/api/jobs/${encodeURIComponent(id)}`;
const notebook = (id) => `/api/notebooks/${encodeURIComponent(id)}`;

export const api = {
    me: () => request('/api/me'),
    signIn: (token) => request('/api/session', {
        method: 'POST',
        signingIn: true,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token }),
    }),
    signOut: () => request('/api/session', { method: 'DELETE' }),
    jobs: (state) => request(`/api/jobs${state ? `?state=${encodeURIComponent(state)}` : ''}`),
    job: (id) => request(job(id)),
    events: (id) => request(`${job(id)}/events`),
    metrics: (id) => request(`${job(id)}/metrics`),
    logs: (id, after, limit = 10000) => request(`${job(id)}/logs?after=${after}&limit=${limit}`),
    cancel: (id) => request(`${job(id)}/cancel`, { method: 'POST' }),
    nodes: () => request('/api/nodes'),
    /** Admins: `drain` (nothing new is placed on the node) or `undrain`. */
    setDraining: (id, draining) => request(`/api/nodes/${encodeURIComponent(id)}/${draining ? 'drain' : 'undrain'}`, { method: 'POST' }),
    images: () => request('/api/images'),
    notebooks: () => request('/api/notebooks'),
    notebook: (id) => request(notebook(id)),
    stopNotebook: (id) => request(notebook(id), { method: 'DELETE' }),

    /** Starts a notebook: `{ image?, gpus, cpus, memoryMb, idleTimeoutMinutes? }`. */
    startNotebook: (body) => request('/api/notebooks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
    }),

    /** Posts a spec as YAML, or as JSON when it starts with `{`. */
    submit: (text) => request('/api/jobs', {
        method: 'POST',
        headers: { 'Content-Type': text.trimStart().startsWith('{') ? 'application/json' : 'application/yaml' },
        body: text,
    }),
};
