// Follow, Pause, the search box and Download, above the log.
import { h } from '../shared/dom.js';

const number = new Intl.NumberFormat('en-US');

/** @param {{ follow(on), pause(), search(text), download() }} actions */
export function logToolbar(actions) {
    let timer = null;
    const follow = h('input', {
        type: 'checkbox', id: 'log-follow', checked: true, 'data-testid': 'log-follow',
        on: { change: () => actions.follow(follow.checked) },
    });
    const pause = h('button', {
        type: 'button', class: 'button', 'aria-pressed': 'false', 'data-testid': 'log-pause', on: { click: actions.pause },
    }, 'Pause');
    const search = h('input', {
        type: 'search', id: 'log-search', placeholder: 'Filter lines', 'data-testid': 'log-search',
        on: {
            input: () => {
                clearTimeout(timer);
                timer = setTimeout(() => actions.search(search.value), 150);
            },
        },
    });
    const save = h('button', { type: 'button', class: 'button', 'data-testid': 'log-download', on: { click: actions.download } }, 'Download');

    return {
        element: h('div', { class: 'toolbar' },
            h('label', { class: 'check' }, follow, 'Follow'),
            pause,
            h('label', { for: 'log-search', class: 'visually-hidden' }, 'Filter lines containing'),
            search,
            save),
        setFollow: (on) => { follow.checked = on; },
        setPaused(paused) {
            pause.setAttribute('aria-pressed', String(paused));
            pause.textContent = paused ? 'Resume' : 'Pause';
        },
        setPending(count) {
            pause.textContent = `Resume (${number.format(count)} new)`;
        },
    };
}
