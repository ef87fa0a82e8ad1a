// Hash routes → pages. A page is a function (main, params) that renders into <main> and answers
// a function that stops its timers and subscriptions when the route changes. Every page but the
// sign-in page needs a session: without one, the sign-in page shows, then the page that was asked for.
import { api, ApiError, resetAntiforgery } from './shared/api.js';
import { clusterPage } from './cluster/cluster-page.js';
import { signinPage } from './session/signin-page.js';
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

const signinRoute = { pattern: /^#\/signin(?:\/(.+))?$/, nav: null, title: () => 'Sign in', page: (main, params) => signinPage(main, params, { signedIn, wanted: () => wanted }), open: true };

const main = document.getElementById('main');
const account = document.getElementById('account');
let leave = () => {};
let me = null;
let wanted = null;

function signedIn(who) {
    me = who;
    showAccount();
    const next = wanted && !signinRoute.pattern.test(wanted) ? wanted : '#/jobs';
    wanted = null;
    location.replace(next);
}

function signedOut() {
    if (!me && signinRoute.pattern.test(location.hash)) return;
    me = null;
    resetAntiforgery();
    showAccount();
    if (!signinRoute.pattern.test(location.hash)) {
        wanted = location.hash;
        location.replace('#/signin');
    }
}

function showAccount() {
    account.replaceChildren();
    if (!me) return;
    const who = document.createElement('span');
    who.className = 'account-user';
    who.dataset.testid = 'account-user';
    who.textContent = `${me.user} · ${me.role} · ${me.teams.join(', ')}`;
    const out = document.createElement('button');
    out.className = 'button account-signout';
    out.dataset.testid = 'signout';
    out.textContent = 'Sign out';
    out.addEventListener('click', async () => {
        try {
            await api.signOut();
        } finally {
            signedOut();
        }
    });
    account.append(who, out);
}

function route(event) {
    const match = [signinRoute, ...routes].map((r) => ({ ...r, params: r.pattern.exec(location.hash)?.slice(1) })).find((r) => r.params);
    if (!match) {
        location.replace('#/jobs');
        return;
    }
    if (!me && !match.open) {
        wanted = location.hash;
        location.replace('#/signin');
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
window.addEventListener('hashchange', () => route(true));
window.addEventListener('platform:signed-out', signedOut);

try {
    me = await api.me();
} catch (caught) {
    if (!(caught instanceof ApiError && caught.status === 401)) throw caught;
}
showAccount();
route();
