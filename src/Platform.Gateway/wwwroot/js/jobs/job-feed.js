// Everything that changes on the job page, from the hub while it is live, else from REST every
// 2 s: the job, its events (re-read whenever the job changes), log lines in order, metric points.
import { api } from '../shared/api.js';
import { hub } from '../shared/hub.js';
import { poll } from '../shared/poll.js';
import { LogSequencer } from './log-sequencer.js';

/**
 * @param {string} id
 * @param {{ job, events, lines, points, series, mode, error }} sink  callbacks the page renders with
 * @returns {{ apply(job): void, stop(): void }}
 */
export function jobFeed(id, sink) {
    const sequencer = new LogSequencer((after, limit) => api.logs(id, after, limit), sink.lines);
    let jobJson = '';
    let eventsDue = null;

    function apply(job) {
        const json = JSON.stringify(job);
        if (json === jobJson) return;
        jobJson = json;
        sink.job(job);
        eventsDue ??= setTimeout(refreshEvents, 300);
    }

    async function refreshEvents() {
        try {
            sink.events(await api.events(id));
        } catch {
            // The next change of the job reads them again.
        } finally {
            eventsDue = null;
        }
    }

    async function readMetrics() {
        try {
            sink.series((await api.metrics(id)).series ?? []);
        } catch {
            // No metrics (yet): the charts stay as they are.
        }
    }

    // REST: the whole state now; the logs too unless the hub sends them.
    async function read() {
        try {
            apply(await api.job(id));
            if (hub.state !== 'live') await sequencer.catchUp();
            await readMetrics();
            sink.error(null);
        } catch (error) {
            sink.error(error);
        }
    }

    // The first read always goes to REST: a hub already live sends no metrics history.
    let first = true;
    const stopPolling = poll(async () => {
        if (first || hub.state !== 'live') await read();
        first = false;
    }, 2);
    const listening = [
        hub.on('jobUpdated', (job) => { if (job.id === id) apply(job); }),
        hub.on('logLines', (jobId, lines) => { if (jobId === id) sequencer.push(lines); }),
        hub.on('metricPoints', (jobId, points) => { if (jobId === id) sink.points(points); }),
        hub.on('state', (state) => {
            sink.mode(state === 'live' ? 'live' : 'polling');
            // What changed while the hub was away; its subscription resends the logs.
            if (state === 'live') read();
        }),
    ];
    const unsubscribe = hub.subscribe(id);
    sink.mode(hub.state === 'live' ? 'live' : 'polling');

    return {
        apply,
        stop() {
            stopPolling();
            for (const stop of listening) stop();
            unsubscribe();
            sequencer.stop();
            clearTimeout(eventsDue);
        },
    };
}
