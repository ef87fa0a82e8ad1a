// The job's timeline (GET /api/jobs/{id}/events): queued, placed, started, exited, restarting...
import { h, replace, time } from '../shared/dom.js';

export function eventsTimeline() {
    const list = h('ol', { class: 'timeline', 'data-testid': 'events' });
    const element = h('section', { class: 'card', 'aria-labelledby': 'events-title' },
        h('div', { class: 'card-header' }, h('h2', { id: 'events-title' }, 'Events')),
        list);

    return {
        element,
        update(events) {
            replace(list, events.length > 0 ? events.map(item) : h('li', { class: 'muted' }, 'No events yet.'));
            list.scrollTop = list.scrollHeight;
        },
    };
}

function item(event) {
    const reason = event.reason && !event.message.includes(event.reason) ? ` (${event.reason})` : '';
    return h('li', { 'data-testid': 'event', dataset: { type: event.type } },
        h('time', { datetime: event.time, class: 'muted small' }, time(event.time)),
        h('span', { class: `event-type event-${event.type.toLowerCase()}` }, event.type),
        event.task ? h('span', { class: 'mono small' }, event.task) : null,
        event.node ? h('span', { class: 'muted small' }, `on ${event.node}`) : null,
        h('div', { class: 'event-message' }, event.message, reason));
}
