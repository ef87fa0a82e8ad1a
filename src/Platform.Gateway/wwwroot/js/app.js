// Hash routes → pages. A page is a function (main, params) that renders into <main> and answers
// a function that stops its timers and subscriptions when the route changes.
import { clusterPage } from './cluster/cluster-page.js';
import { jobPage } from './jobs/job-page.js';
import { jobsPage } from './jobs/jobs-page.js';
import { notebooksPage } from './notebooks/notebooks-page.js';
import { submitPage } from './submit/submit-page.js';

const routes = [
    { pattern: /^#\/jobs\/?$/, nav: 'jobs', title: () => 'Jobs', page: jobsPage },
    {
        pattern: /^#\/jobs\/([^/]+)$/,
        nav: 'jobs',
        title: ([id]) => decodeURIComponent(id),
        page: (main, [id]) => jobPage(main, decodeURIComponent(id)),
    },
    { pattern: /^#\/submit$/, nav: 'submit', title: () => 'Submit', page: submitPage },
    { pattern: /^#\/notebooks$/, nav: 'notebooks', title: () => 'Notebooks', page: notebooksPage },
    { pattern: /^#\/cluster$/, nav: 'cluster', title: () => 'Cluster', page: clusterPage },
];

const main = document.getElementById('main');
let leave = () => {};

function route(event) {
    const match = routes.map((r) => ({ ...r, params: r.pattern.exec(location.hash)?.slice(1) })).find((r) => r.params);
    if (!match) {
        location.replace('#/jobs');
        return;
    }
    leave();
    main.replaceChildren();
    document.title = `${match.title(match.params)} · Platform`;
    for (const link of document.querySelectorAll('nav a[data-route]')) {
        if (link.dataset.route === match.nav) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
    }
    leave = match.page(main, match.params) ?? (() => {});
    // A new page: screen readers start at its content, as after a full load.
    if (event) main.focus();
}

// The skip link must not change the hash: that is the router's.
document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
});
window.addEventListener('hashchange', route);
route();
