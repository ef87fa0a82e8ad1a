// The one SignalR connection to /hubs/jobs, shared by the pages. It subscribes to the jobs and
// notebooks pages ask for, again after every reconnect (the server then sends each job's log from
// seq 1 again; pages drop what they already have). While it is not live, pages poll REST instead.

const retrySeconds = 15;
const handlers = { jobUpdated: new Set(), logLines: new Set(), metricPoints: new Set(), notebookUpdated: new Set(), state: new Set() };
const kinds = {
    job: { subscribed: new Map(), subscribe: 'SubscribeJob', unsubscribe: 'UnsubscribeJob' }, // id → number of subscribers
    notebook: { subscribed: new Map(), subscribe: 'SubscribeNotebook', unsubscribe: 'UnsubscribeNotebook' },
};
const wanted = () => Object.values(kinds).some((kind) => kind.subscribed.size > 0);
let connection = null;
let state = 'offline'; // offline | connecting | live
let retry = null;

function setState(next) {
    if (state === next) return;
    state = next;
    for (const handler of handlers.state) handler(state);
}

function build() {
    const built = new window.signalR.HubConnectionBuilder()
        .withUrl('/hubs/jobs')
        .withAutomaticReconnect()
        .configureLogging(window.signalR.LogLevel.Warning)
        .build();
    for (const name of ['jobUpdated', 'logLines', 'metricPoints', 'notebookUpdated']) {
        built.on(name, (...args) => { for (const handler of handlers[name]) handler(...args); });
    }
    built.onreconnecting(() => setState('connecting'));
    built.onreconnected(() => {
        setState('live');
        resubscribe();
    });
    built.onclose(() => { setState('offline'); scheduleRetry(); });
    return built;
}

async function resubscribe() {
    await Promise.all(Object.values(kinds).flatMap((kind) =>
        [...kind.subscribed.keys()].map((id) => connection.invoke(kind.subscribe, id).catch(() => {}))));
}

async function start() {
    if (!window.signalR || state !== 'offline' || !wanted()) return;
    connection ??= build();
    setState('connecting');
    try {
        await connection.start();
        // Live first: a page that subscribes from now on invokes at once; the rest are sent here.
        setState('live');
        await resubscribe();
    } catch {
        setState('offline');
        scheduleRetry();
    }
}

function scheduleRetry() {
    clearTimeout(retry);
    if (wanted()) retry = setTimeout(start, retrySeconds * 1000);
}

function subscribe(kind, id) {
    const count = kind.subscribed.get(id) ?? 0;
    kind.subscribed.set(id, count + 1);
    if (count === 0 && state === 'live') connection.invoke(kind.subscribe, id).catch(() => {});
    start();
    return () => {
        const left = (kind.subscribed.get(id) ?? 1) - 1;
        if (left > 0) {
            kind.subscribed.set(id, left);
            return;
        }
        kind.subscribed.delete(id);
        if (state === 'live') connection.invoke(kind.unsubscribe, id).catch(() => {});
    };
}

export const hub = {
    /** offline, connecting or live. */
    get state() { return state; },

    /** Listens to jobUpdated, logLines, metricPoints, notebookUpdated or state; answers a function that stops listening. */
    on(event, handler) {
        handlers[event].add(handler);
        return () => handlers[event].delete(handler);
    },

    /** Subscribes to a job's updates, logs and metrics; answers a function that unsubscribes. */
    subscribe: (jobId) => subscribe(kinds.job, jobId),

    /** Subscribes to a notebook's updates (notebookUpdated); answers a function that unsubscribes. */
    subscribeNotebook: (notebookId) => subscribe(kinds.notebook, notebookId),
};
