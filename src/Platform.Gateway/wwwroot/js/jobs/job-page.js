// #/jobs/{id}: the job's state, tasks, events, metrics and live logs; Cancel.
import { api } from '../shared/api.js';
import { h, replace } from '../shared/dom.js';
import { notice } from '../shared/notice.js';
import { confirmCancel } from './cancel-dialog.js';
import { eventsTimeline } from './events-timeline.js';
import { jobFeed } from './job-feed.js';
import { jobHeader } from './job-header.js';
import { logView } from './log-view.js';
import { metricCharts } from './metric-charts.js';
import { tasksTable } from './tasks-table.js';

export function jobPage(main, id) {
    let current = null;
    const status = h('div', { class: 'status-line' });
    const cancelStatus = h('div', { class: 'status-line' });
    const header = jobHeader(id, cancel);
    const tasks = tasksTable();
    const events = eventsTimeline();
    const charts = metricCharts();
    const logs = logView(id);
    main.append(
        h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/jobs' }, 'Jobs'), ' / ', h('span', { class: 'mono' }, id)),
        status,
        cancelStatus,
        header.element,
        h('div', { class: 'grid-2' }, tasks.element, events.element),
        charts.element,
        logs.element);

    const feed = jobFeed(id, {
        job(job) {
            current = job;
            header.update(job);
            tasks.update(job);
            logs.setTasks(job.tasks.map((task) => task.name));
        },
        events: events.update,
        lines: logs.add,
        points: charts.add,
        series: charts.addSeries,
        mode: header.setMode,
        error: (error) => replace(status, notice(error?.status === 404 ? { status: 404, message: `There is no job ${id}.` } : error)),
    });

    async function cancel() {
        if (!current || !(await confirmCancel(current))) return;
        try {
            replace(cancelStatus);
            feed.apply(await api.cancel(id));
        } catch (error) {
            replace(cancelStatus, notice(error));
        }
    }

    return () => {
        feed.stop();
        charts.stop();
    };
}
