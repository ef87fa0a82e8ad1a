// #/jobs: every job, newest first, read every 2 s. (It polls: a hub subscription per job would
// also stream each job's whole log.)
import { api } from '../shared/api.js';
import { age, badge, h, jobHref, replace } from '../shared/dom.js';
import { notice } from '../shared/notice.js';
import { poll } from '../shared/poll.js';

const states = ['Pending', 'Running', 'Restarting', 'Succeeded', 'Failed', 'Cancelled'];
const columns = ['Name', 'State', 'Reason', 'Team', 'Tasks', 'Age'];

export function jobsPage(main) {
    let jobs = [];
    let error = null;
    const filter = h('select', { id: 'state-filter', 'data-testid': 'state-filter', on: { change: refresh } },
        h('option', { value: '' }, 'All states'),
        states.map((state) => h('option', { value: state }, state)));
    const status = h('div', { class: 'status-line' });
    const body = h('tbody');
    const table = h('table', { class: 'table', 'data-testid': 'jobs-table' },
        h('caption', { class: 'visually-hidden' }, 'Jobs, newest first'),
        h('thead', {}, h('tr', {}, columns.map((title) => h('th', { scope: 'col' }, title)))),
        body);

    main.append(
        h('div', { class: 'page-title' },
            h('h1', {}, 'Jobs'),
            h('div', { class: 'toolbar' },
                h('label', { for: 'state-filter' }, 'State'), filter,
                h('a', { class: 'button primary', href: '#/submit' }, 'Submit a job'))),
        status,
        h('div', { class: 'card table-card' }, table));

    let rendered = '';

    function render() {
        // Re-render only what changed, so a link under the pointer or in focus stays put.
        const signature = JSON.stringify([error?.message, jobs.map(cells)]);
        if (signature === rendered) return;
        rendered = signature;
        replace(status, notice(error));
        if (jobs.length === 0) {
            const empty = error ? '' : ['No jobs yet. ', h('a', { href: '#/submit' }, 'Submit one')];
            replace(body, h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, empty)));
            return;
        }
        replace(body, jobs.map(row));
    }

    async function refresh() {
        try {
            jobs = await api.jobs(filter.value);
            error = null;
        } catch (caught) {
            error = caught;
        }
        render();
    }

    return poll(refresh, 2);
}

function row(job) {
    const { running, age: created } = cells(job);
    return h('tr', { 'data-testid': 'job-row', dataset: { jobId: job.id } },
        h('td', {},
            h('a', { href: jobHref(job.id), class: 'job-link' }, job.name),
            h('div', { class: 'muted mono small' }, job.id)),
        h('td', {}, badge(job.state, 'job-row-state')),
        h('td', { class: 'reason' }, job.reason ?? ''),
        h('td', {}, job.team ?? ''),
        h('td', {}, job.tasks.length, running > 0 ? h('span', { class: 'muted small' }, ` (${running} running)`) : null),
        h('td', { title: job.createdAt }, created));
}

/** What a row shows, to tell whether it changed. */
function cells(job) {
    return {
        id: job.id,
        state: job.state,
        reason: job.reason,
        team: job.team,
        running: job.tasks.filter((task) => task.state === 'Running').length,
        age: age(job.createdAt),
    };
}
