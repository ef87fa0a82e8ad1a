// The framework images jobs may run (GET /api/images): framework, version, size and the nodes that have each.
import { age, h, replace } from '../shared/dom.js';

const columns = ['Image', 'Framework', 'Version', 'Size', 'Built', 'Nodes'];

export function imagesPanel() {
    const allowed = h('p', { class: 'muted small', 'data-testid': 'images-allowed' });
    const body = h('tbody');
    const element = h('section', { class: 'card images-card', 'aria-labelledby': 'images-title', 'data-testid': 'images' },
        h('div', { class: 'card-header' }, h('h2', { id: 'images-title' }, 'Images'), allowed),
        h('div', { class: 'table-scroll' },
            h('table', { class: 'table compact', 'data-testid': 'images-table' },
                h('thead', {}, h('tr', {}, columns.map((title) => h('th', { scope: 'col' }, title)))),
                body)));

    return {
        element,
        update(catalog) {
            allowed.textContent = `Allowed: ${catalog.allowed.join(', ') || 'nothing'}`;
            replace(body, catalog.images.length > 0
                ? catalog.images.map(row)
                : h('tr', {}, h('td', { class: 'empty', colspan: columns.length }, 'No node has an allowed framework image.')));
        },
    };
}

function row(image) {
    return h('tr', { 'data-testid': 'image-row', dataset: { image: image.image } },
        h('th', { scope: 'row', class: 'mono' }, image.image),
        h('td', { 'data-testid': 'image-framework' }, image.framework),
        h('td', { 'data-testid': 'image-version' }, image.frameworkVersion),
        h('td', { class: 'num' }, `${Math.round(image.sizeMb)} MB`),
        h('td', { title: image.created }, age(image.created)),
        h('td', { class: 'mono' }, image.nodes.join(', ')));
}
