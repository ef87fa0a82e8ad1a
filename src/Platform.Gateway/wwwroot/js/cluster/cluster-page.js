// #/cluster: every node as a card with a grid of its GPU slots and who holds each, and the
// framework images the nodes have; every 2 s. Admins get a Drain / Undrain button per node.
import { api } from '../shared/api.js';
import { age, badge, h, jobHref, replace } from '../shared/dom.js';
import { notice } from '../shared/notice.js';
import { poll } from '../shared/poll.js';
import { imagesPanel } from './images-panel.js';

export function clusterPage(main) {
    const status = h('div', { class: 'status-line' });
    const summary = h('p', { class: 'muted', 'data-testid': 'cluster-summary' });
    const grid = h('div', { class: 'node-grid', 'data-testid': 'nodes' });
    const images = imagesPanel();
    main.append(h('div', { class: 'page-title' }, h('h1', {}, 'Cluster'), summary), status, grid, images.element);
    let rendered = '';
    let renderedImages = '';
    let admin = null;
    const setDraining = async (node, draining) => {
        try {
            await api.setDraining(node.id, draining);
        } catch (error) {
            replace(status, notice(error));
        }
    };

    return poll(async () => {
        try {
            admin ??= (await api.me()).role === 'admin';
            const [nodes, catalog] = await Promise.all([api.nodes(), api.images()]);
            replace(status);
            const imagesJson = JSON.stringify(catalog);
            if (imagesJson !== renderedImages) {
                renderedImages = imagesJson;
                images.update(catalog);
            }
            const json = JSON.stringify(nodes.map((node) => ({ ...node, lastHeartbeat: undefined })));
            if (json === rendered) return;
            rendered = json;
            const gpus = nodes.flatMap((node) => node.gpus);
            const free = gpus.filter((gpu) => !gpu.holder).length;
            summary.textContent = `${nodes.length} node${nodes.length === 1 ? '' : 's'}, ${free} of ${gpus.length} GPUs free`;
            replace(grid, nodes.length > 0
                ? nodes.map((node) => nodeCard(node, admin ? setDraining : null))
                : h('p', { class: 'muted' }, 'No node has registered yet.'));
        } catch (error) {
            replace(status, notice(error));
        }
    }, 2);
}

function nodeCard(node, setDraining) {
    const fact = (term, value) => [h('dt', {}, term), h('dd', {}, value)];
    const draining = Boolean(node.drainedBy);
    const action = setDraining
        ? h('button', {
            type: 'button',
            class: 'button',
            'aria-label': `${draining ? 'Undrain' : 'Drain'} ${node.id}`,
            'data-testid': draining ? 'undrain-node' : 'drain-node',
            title: draining ? 'Let the node take new tasks again' : 'Place nothing new on the node; its running tasks keep running',
            on: { click: (event) => { event.currentTarget.disabled = true; setDraining(node, !draining); } },
        }, draining ? 'Undrain' : 'Drain')
        : null;
    return h('section', { class: 'card', 'aria-labelledby': `node-${node.id}`, 'data-testid': 'node', dataset: { node: node.id } },
        h('div', { class: 'card-header' },
            h('h2', { id: `node-${node.id}`, class: 'mono' }, node.id),
            h('div', { class: 'row-actions' }, badge(node.state, 'node-state'), action)),
        h('dl', { class: 'facts' },
            fact('Host', node.host),
            fact('CPUs', node.cpus),
            fact('Memory', `${(node.memoryMb / 1024).toFixed(1)} GiB`),
            fact('Tasks', node.tasks.length),
            draining ? fact('Drained by', h('span', { 'data-testid': 'node-drained', title: `${age(node.drainedAt)} ago, ${node.drainedAt}` }, node.drainedBy)) : null),
        node.gpus.length > 0
            ? h('ul', { class: 'gpu-grid', 'aria-label': `GPUs of ${node.id}` }, node.gpus.map((gpu) => gpuSlot(node, gpu)))
            : h('p', { class: 'muted' }, 'No GPUs.'));
}

function gpuSlot(node, gpu) {
    const holder = gpu.holder;
    const title = h('div', { class: 'gpu-title' }, `GPU ${gpu.index}`, gpu.fake ? h('span', { class: 'tag' }, 'fake') : null);
    const memory = gpu.memoryMb ? ` · ${Math.round(gpu.memoryMb / 1024)} GiB` : '';
    const model = h('div', { class: 'muted small', title: `id ${gpu.id}` }, gpu.fake ? `id ${gpu.id}` : gpu.model, memory);
    const who = holder
        ? h('a', {
            class: 'gpu-holder',
            href: jobHref(holder.jobId),
            title: `since ${holder.since} (${age(holder.since)})`,
            'data-testid': 'gpu-holder',
        }, `${holder.jobId} / ${holder.task}`)
        : h('span', { class: 'gpu-holder muted', 'data-testid': 'gpu-holder' }, 'free');
    return h('li', {
        class: holder ? 'gpu held' : 'gpu free',
        'data-testid': 'gpu-slot',
        dataset: { node: node.id, index: gpu.index, holder: holder ? `${holder.jobId}/${holder.task}` : '' },
    }, title, model, who);
}
