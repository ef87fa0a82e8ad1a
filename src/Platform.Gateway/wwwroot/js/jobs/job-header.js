// The job's name, state and reason, its times and restarts, how it is followed, and Cancel.
import { badge, finishedStates, h, replace, time } from '../shared/dom.js';

export function jobHeader(id, onCancel) {
    const title = h('h1', {}, id);
    const state = h('span', { 'aria-live': 'polite' });
    const reason = h('p', { class: 'reason', 'data-testid': 'job-reason' });
    const facts = h('dl', { class: 'facts' });
    const mode = h('span', { class: 'live', 'data-testid': 'live-mode' });
    const cancel = h('button', {
        type: 'button', class: 'button danger', 'data-testid': 'cancel-job', disabled: true, on: { click: onCancel },
    }, 'Cancel job');
    const element = h('section', { class: 'card job-header', 'data-testid': 'job-header' },
        h('div', { class: 'page-title' },
            h('div', {},
                h('div', { class: 'title-row' }, title, state),
                h('div', { class: 'mono muted small', 'data-testid': 'job-id' }, id)),
            h('div', { class: 'toolbar' }, mode, cancel)),
        reason,
        facts);

    return {
        element,
        update(job) {
            title.textContent = job.name;
            replace(state, badge(job.state, 'job-state'));
            reason.textContent = job.reason ?? '';
            cancel.disabled = finishedStates.has(job.state);
            const fact = (term, value) => (value === null || value === undefined || value === ''
                ? null
                : [h('dt', {}, term), h('dd', {}, value)]);
            replace(facts,
                fact('Team', job.team),
                fact('Priority class', job.priorityClass),
                fact('Created', time(job.createdAt)),
                fact('Started', time(job.startedAt)),
                fact('Finished', time(job.finishedAt)),
                fact('Restarts', job.restarts),
                job.infrastructureRestarts ? fact('Infrastructure restarts', job.infrastructureRestarts) : null);
        },
        /** live (SignalR) or polling (REST). */
        setMode(value) {
            mode.dataset.mode = value;
            mode.textContent = value === 'live' ? 'Live' : 'Polling every 2 s';
            mode.title = value === 'live'
                ? 'Following the job over SignalR (/hubs/jobs)'
                : 'The hub is not reachable; reading REST every 2 s';
        },
    };
}
