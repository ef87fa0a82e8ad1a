// #/signin: sign in with an API token (or an identity provider's JWT). The session is an HttpOnly
// cookie the gateway sets; the token itself is not kept by the page. A sign-in link
// (#/signin/TOKEN, printed by run.sh) signs in at once and leaves no token in the address bar or
// the history. Where the platform has an identity provider (Platform:Auth:Oidc), a "Sign in with …"
// button goes there; the gateway brings the browser back to the page that was asked for, signed in,
// or here with a short-lived cookie saying why not.
import { api, resetAntiforgery } from '../shared/api.js';
import { h, replace } from '../shared/dom.js';
import { notice } from '../shared/notice.js';

const errorCookie = 'platform.signin-error';

export function signinPage(main, [linkToken], { signedIn, wanted }) {
    const status = h('div', { class: 'status-line', 'data-testid': 'signin-status' });
    const providers = h('div', { class: 'toolbar signin-providers', 'data-testid': 'signin-providers' });
    const token = h('textarea', {
        id: 'signin-token', 'data-testid': 'signin-token', rows: 3, autocomplete: 'off', spellcheck: false,
        placeholder: 'plt_… or a JWT from your identity provider',
    });
    const button = h('button', { class: 'button primary', type: 'submit', 'data-testid': 'signin-submit' }, 'Sign in');
    const form = h('form', { class: 'card signin-card', on: { submit: (event) => { event.preventDefault(); signIn(token.value); } } },
        h('h1', {}, 'Sign in'),
        providers,
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

    showProviderFailure();
    showProviders();

    async function showProviders() {
        let list = [];
        try {
            const response = await fetch('/api/session/providers', { headers: { Accept: 'application/json', 'X-Platform-Client': 'web' } });
            if (response.ok) list = await response.json();
        } catch {
            // No button then: the token still signs in.
        }
        for (const provider of list) {
            providers.append(h('button', {
                class: 'button primary', type: 'button', 'data-testid': `signin-provider-${provider.name}`,
                on: { click: () => goTo(provider.name) },
            }, `Sign in with ${provider.displayName}`));
        }
    }

    function goTo(name) {
        const route = wanted?.() ?? '';
        const returnTo = route.startsWith('#/') && !route.startsWith('#/signin') ? route : '#/jobs';
        location.assign(`/api/session/${encodeURIComponent(name)}?returnTo=${encodeURIComponent(returnTo)}`);
    }

    function showProviderFailure() {
        const cookie = document.cookie.split('; ').find((c) => c.startsWith(`${errorCookie}=`));
        if (!cookie) return;
        document.cookie = `${errorCookie}=; Max-Age=0; Path=/; SameSite=Lax`;
        let message;
        try {
            message = decodeURIComponent(cookie.slice(errorCookie.length + 1));
        } catch {
            message = 'the identity provider did not sign you in.';
        }
        replace(status, h('p', { class: 'notice notice-error', role: 'alert', 'data-testid': 'error' }, `Signing in at the identity provider failed: ${message}`));
    }

    if (linkToken) {
        // The token leaves the address bar before anything else happens.
        history.replaceState(null, '', '#/signin');
        signIn(decodeURIComponent(linkToken));
    } else {
        token.focus();
    }
}
