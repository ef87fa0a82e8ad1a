// #/signin: sign in with an API token (or an identity provider's JWT). The session is an HttpOnly
// cookie the gateway sets; the token itself is not kept by the page. A sign-in link
// (#/signin/TOKEN, printed by run.sh) signs in at once and leaves no token in the address bar or
// the history.
import { api, resetAntiforgery } from '../shared/api.js';
import { h, replace } from '../shared/dom.js';
import { notice } from '../shared/notice.js';

export function signinPage(main, [linkToken], { signedIn }) {
    const status = h('div', { class: 'status-line', 'data-testid': 'signin-status' });
    const token = h('textarea', {
        id: 'signin-token', 'data-testid': 'signin-token', rows: 3, autocomplete: 'off', spellcheck: false,
        placeholder: 'plt_… or a JWT from your identity provider',
    });
    const button = h('button', { class: 'button primary', type: 'submit', 'data-testid': 'signin-submit' }, 'Sign in');
    const form = h('form', { class: 'card signin-card', on: { submit: (event) => { event.preventDefault(); signIn(token.value); } } },
        h('h1', {}, 'Sign in'),
        h('p', { class: 'muted' },
            'Paste an API token. An admin makes one with ', h('code', {}, 'platform token create'),
            '; the first admin token is in the platform\'s data directory (', h('code', {}, 'admin-token'), ').'),
        h('label', { for: 'signin-token' }, 'Token'),
        token,
        h('div', { class: 'toolbar' }, button),
        status);
    main.append(form);

    async function signIn(text) {
        const value = text.trim();
        if (!value) return;
        button.disabled = true;
        replace(status);
        try {
            resetAntiforgery();
            const me = await api.signIn(value);
            token.value = '';
            signedIn(me);
        } catch (caught) {
            replace(status, notice(caught));
        } finally {
            button.disabled = false;
        }
    }

    if (linkToken) {
        // The token leaves the address bar before anything else happens.
        history.replaceState(null, '', '#/signin');
        signIn(decodeURIComponent(linkToken));
    } else {
        token.focus();
    }
}
