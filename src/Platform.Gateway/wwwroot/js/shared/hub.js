// The one SignalR connection to /hubs/jobs, shared by the pages. It subscribes to the jobs pages
// ask for, again after every reconnect (the server then sends each job's log from seq 1 again;
// pages drop what they already have). While it is not live, pages poll REST instead.

const retrySeconds = 15;
const handlers = { jobUpdated: new Set(), logLines: new Set(), metricPoints: new Set(), state: new Set() };
const subscribed = new Map(); // jobId → number of subscribers
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
    for (const name of ['jobUpdated', 'logLines', 'metricPoints']) {
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
    await Promise.all([...subscribed.keys()].map((id) => connection.invoke('SubscribeJob', id).catch(() => {})));
}

async function start() {
    if (!window.signalR || state !== 'offline' || subscribed.size === 0) return;
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
    if (subscribed.size > 0) retry = setTimeout(start, retrySeconds * 1000);
}

export const hub = {
    /** offline, connecting or live. */
    get state() { return state; },

    /** Listens to jobUpdated, logLines, metricPoints or state; answers a function that stops listening. */
    on(event, handler) {
        handlers[event].add(handler);
        return () => handlers[event].delete(handler);
    },

    /** Subscribes to a job's updates, logs and metrics; answers a function that unsubscribes. */
    subscribe(jobId) {
        const count = subscribed.get(jobId) ?? 0;
        subscribed.set(jobId, count + 1);
        if (count === 0 && state === 'live') connection.invoke('SubscribeJob', jobId).catch(() => {});
        start();
        return () => {
            const left = (subscribed.get(jobId) ?? 1) - 1;
            if (left > 0) {
                subscribed.set(jobId, left);
                return;
            }
            subscribed.delete(jobId);
            if (state === 'live') connection.invoke('UnsubscribeJob', jobId).catch(() => {});
        };
    },
};
