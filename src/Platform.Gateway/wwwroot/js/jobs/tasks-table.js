// The tasks of a job: where each runs, on which GPUs and port, how it ended.
import { badge, h, replace } from '../shared/dom.js';

const columns = ['Task', 'State', 'Node', 'GPUs', 'Port', 'Exit code', 'Restarts'];

export function tasksTable() {
    const body = h('tbody');
    const element = h('section', { class: 'card', 'aria-labelledby': 'tasks-title' },
        h('div', { class: 'card-header' }, h('h2', { id: 'tasks-title' }, 'Tasks')),
        h('div', { class: 'table-scroll' },
            h('table', { class: 'table', 'data-testid': 'tasks-table' },
                h('thead', {}, h('tr', {}, columns.map((title) => h('th', { scope: 'col' }, title)))),
                body)));

    return {
        element,
        update(job) {
            replace(body, job.tasks.map(row));
        },
    };
}

function row(task) {
    return h('tr', { 'data-testid': 'task-row', dataset: { task: task.name } },
        h('th', { scope: 'row', class: 'mono' }, task.name),
        h('td', {},
            badge(task.state, 'task-state'),
            task.reason ? h('div', { class: 'muted small' }, task.reason) : null),
        h('td', {}, task.node ?? ''),
        h('td', { class: 'mono' }, task.gpus.length > 0 ? task.gpus.join(', ') : '–'),
        h('td', { class: 'num' }, task.port ?? ''),
        h('td', { class: 'num' }, task.exitCode ?? ''),
        h('td', { class: 'num' }, task.restarts));
}
