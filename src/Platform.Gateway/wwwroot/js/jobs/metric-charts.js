// One chart per metric name, one line per task; x is the step, or the time when a series has
// no steps. Each chart also has its data as a table, for screen readers and for checking.
import { h, replace, time } from '../shared/dom.js';

const palette = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];
const tableRows = 200;

export function metricCharts() {
    const metrics = new Map(); // name → Map(task → points)
    const seen = new Set();
    const cards = new Map(); // name → { card, chart, table }
    const empty = h('p', { class: 'muted', 'data-testid': 'metrics-empty' },
        'No metrics reported yet. A task reports one by printing ', h('code', {}, '@metric {"step": 1, "loss": 0.9}'), '.');
    const grid = h('div', { class: 'chart-grid' });
    const element = h('section', { class: 'card', 'aria-labelledby': 'metrics-title', 'data-testid': 'metrics' },
        h('div', { class: 'card-header' }, h('h2', { id: 'metrics-title' }, 'Metrics')), empty, grid);
    let frame = 0;
    const dirty = new Set();

    function add(points) {
        for (const point of points) {
            const key = `${point.task}\u0000${point.name}\u0000${point.step}\u0000${point.time}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const tasks = metrics.get(point.name) ?? metrics.set(point.name, new Map()).get(point.name);
            const series = tasks.get(point.task) ?? tasks.set(point.task, []).get(point.task);
            series.push({ step: point.step, time: point.time, value: point.value });
            dirty.add(point.name);
        }
        frame ||= requestAnimationFrame(draw);
    }

    function draw() {
        frame = 0;
        empty.hidden = metrics.size > 0;
        for (const name of [...dirty].sort()) {
            const entry = cards.get(name) ?? create(name);
            const tasks = metrics.get(name);
            for (const series of tasks.values()) series.sort((a, b) => order(a) - order(b));
            update(entry, name, tasks);
        }
        dirty.clear();
    }

    function create(name) {
        const canvas = h('canvas', { role: 'img', 'aria-label': `${name}, one line per task` });
        const table = h('table', { class: 'table compact', 'data-testid': 'metric-table' });
        const card = h('figure', { class: 'chart-card', 'data-testid': 'metric-chart', dataset: { metric: name } },
            h('figcaption', {}, name), h('div', { class: 'chart-box' }, canvas),
            h('details', {}, h('summary', {}, 'Data'), table));
        const names = [...cards.keys(), name].sort();
        grid.insertBefore(card, cards.get(names[names.indexOf(name) + 1])?.card ?? null);
        const chart = window.Chart ? new window.Chart(canvas, chartConfig(name)) : null;
        const entry = { card, chart, table };
        cards.set(name, entry);
        return entry;
    }

    return {
        element,
        add,
        /** The REST answer: { series: [{ task, name, points: [{ step, time, value }] }] }. */
        addSeries(series) {
            add(series.flatMap((s) => s.points.map((point) => ({ task: s.task, name: s.name, ...point }))));
        },
        stop() {
            cancelAnimationFrame(frame);
            for (const entry of cards.values()) entry.chart?.destroy();
        },
    };
}

const hasStep = (point) => point.step !== null && point.step !== undefined;
const hasSteps = (tasks) => [...tasks.values()].every((series) => series.every(hasStep));
const order = (point) => point.step ?? Date.parse(point.time);

function update({ card, chart, table }, name, tasks) {
    const byStep = hasSteps(tasks);
    const x = (point) => (byStep ? point.step : Date.parse(point.time));
    const total = [...tasks.values()].reduce((sum, series) => sum + series.length, 0);
    card.dataset.points = total;
    if (chart) {
        chart.data.datasets = [...tasks.entries()].map(([task, series], i) => ({
            label: task,
            data: series.map((point) => ({ x: x(point), y: point.value })),
            borderColor: palette[i % palette.length],
            backgroundColor: palette[i % palette.length],
            pointRadius: series.length > 60 ? 0 : 3,
        }));
        chart.options.scales.x.title.text = byStep ? 'step' : 'time';
        chart.options.scales.x.ticks.callback = byStep ? undefined : clock;
        chart.update('none');
    }
    const rows = [...tasks.entries()]
        .flatMap(([task, series]) => series.map((point) => ({ task, ...point })))
        .sort((a, b) => order(a) - order(b));
    replace(table,
        h('caption', {}, rows.length > tableRows ? `The last ${tableRows} of ${rows.length} points` : `${rows.length} points`),
        h('thead', {}, h('tr', {}, ['Task', 'Step', 'Time', name].map((title) => h('th', { scope: 'col' }, title)))),
        h('tbody', {}, rows.slice(-tableRows).map(tableRow)));
}

function tableRow(point) {
    return h('tr', { 'data-testid': 'metric-point', dataset: { task: point.task, step: point.step ?? '', value: point.value } },
        h('td', {}, point.task),
        h('td', { class: 'num' }, point.step ?? ''),
        h('td', {}, time(point.time)),
        h('td', { class: 'num' }, String(point.value)));
}

const clock = (value) => new Date(value).toLocaleTimeString(undefined, { hour12: false });

function chartConfig(name) {
    return {
        type: 'line',
        data: { datasets: [] },
        options: {
            animation: false,
            maintainAspectRatio: false,
            parsing: false,
            normalized: true,
            interaction: { mode: 'nearest', intersect: false },
            scales: {
                x: { type: 'linear', title: { display: true, text: 'step' }, ticks: {} },
                y: { title: { display: true, text: name } },
            },
            plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        },
    };
}
