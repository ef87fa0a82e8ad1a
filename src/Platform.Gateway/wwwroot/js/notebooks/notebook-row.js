// One notebook as a table row: id and image, state and reason, GPUs, node, last activity, and
// Open (a link to the proxied JupyterLab, once Ready) and Stop.
import { age, badge, h } from '../shared/dom.js';

export const endedStates = new Set(['Stopped', 'Culled', 'Failed']);

// The order a notebook moves through; a REST answer that lags behind a pushed update never moves it back.
const progress = { Pending: 0, Starting: 1, Ready: 2, Stopped: 3, Culled: 3, Failed: 3 };

/** Whether `next` (read over REST) may replace `current`. */
export function isNewer(next, current) {
    return !current || (progress[next.state] ?? 0) >= (progress[current.state] ?? 0);
}

export const columns = ['Notebook', 'State', 'GPUs', 'Node', 'Last activity', 'Actions'];

export function notebookRow(notebook, onStop) {
    const ended = endedStates.has(notebook.state);
    const open = notebook.state === 'Ready' && notebook.url
        ? h('a', {
            class: 'button primary',
            href: notebook.url,
            target: '_blank',
            rel: 'noopener',
            'aria-label': `Open ${notebook.id} in JupyterLab`,
            'data-testid': 'open-notebook',
        }, 'Open')
        : null;
    const stop = ended
        ? null
        : h('button', {
            type: 'button',
            class: 'button danger',
            'aria-label': `Stop ${notebook.id}`,
            'data-testid': 'stop-notebook',
            on: { click: () => onStop(notebook) },
        }, 'Stop');
    return h('tr', { 'data-testid': 'notebook-row', dataset: { notebookId: notebook.id, state: notebook.state } },
        h('td', {},
            h('div', { class: 'mono' }, notebook.id),
            h('div', { class: 'muted small' }, notebook.image ?? '')),
        h('td', {},
            badge(notebook.state, 'notebook-state'),
            notebook.reason ? h('div', { class: 'reason small', 'data-testid': 'notebook-reason' }, notebook.reason) : null),
        h('td', { 'data-testid': 'notebook-gpus' },
            notebook.gpus?.length ?? 0,
            notebook.gpus?.length ? h('div', { class: 'muted small mono gpu-ids' }, `id ${notebook.gpus.join(', ')}`) : null),
        h('td', { class: 'mono' }, notebook.node ?? ''),
        h('td', { title: notebook.lastActivity ?? '' }, notebook.lastActivity ? `${age(notebook.lastActivity)} ago` : ''),
        h('td', {}, h('div', { class: 'row-actions' }, open, stop)));
}

/** What a row shows, to tell whether it changed. */
export function rowSignature(notebook) {
    return [notebook.id, notebook.state, notebook.reason, notebook.url, notebook.node, notebook.gpus, notebook.image,
        notebook.lastActivity ? age(notebook.lastActivity) : ''];
}
