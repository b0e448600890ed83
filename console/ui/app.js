// The console's pages, one at a time in <main>, chosen by the URL's hash (so the back button,
// bookmarks and CloudFront need nothing more): #/documents, #/documents/<id>, #/upload, #/fix.

import { api, useAuth } from './api.js';
import { createAuth, loadConfig } from './auth.js';
import { errorMessage, h, pageHeading } from './dom.js';
import { documentView } from './views/document.js';
import { documentsView } from './views/documents.js';
import { fixView } from './views/fix.js';
import { uploadView } from './views/upload.js';

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
let leave = () => {};
let session = null;

function route() {
  leave();
  leave = () => {};
  const hash = location.hash || '#/documents';
  const [path, search = ''] = hash.slice(1).split('?', 2);
  const params = new URLSearchParams(search);
  const section = path.split('/')[1] ?? '';
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.getAttribute('data-nav') === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const match = /^\/documents\/([0-9a-f]{24})$/.exec(path);
  if (match) leave = documentView(main, match[1], params, session);
  else if (path === '/documents' || path === '/' || path === '') documentsView(main, params);
  else if (path === '/upload') leave = uploadView(main, session);
  else if (path === '/fix') leave = fixView(main, params, session);
  else
    main.replaceChildren(pageHeading('Not found'), h('p', { text: 'There is no such page in the console.' }));
  // Focus the new page's heading (not the document view's: it focuses its own once loaded).
  if (!match) main.querySelector('h1')?.focus();
}

/**
 * On AWS (a /config.json), signs in first and adds a "Sign out" button; locally, nothing.
 * False when the browser is on its way to the sign-in page.
 */
async function signIn() {
  const config = await loadConfig();
  if (!config) return true;
  const auth = createAuth(config.auth, {
    storage: sessionStorage,
    fetch: fetch.bind(window),
    location,
    history,
  });
  if (!(await auth.start())) return false;
  useAuth(auth);
  document
    .querySelector('.site-header')
    ?.append(
      h('button', { type: 'button', class: 'sign-out', text: 'Sign out', onclick: () => auth.signOut() }),
    );
  return true;
}

async function start() {
  try {
    if (!(await signIn())) return;
    session = await api('/api/session');
  } catch (error) {
    main.replaceChildren(pageHeading('undocs console'), errorMessage(error.message));
    return;
  }
  const who = document.getElementById('session');
  if (who) who.textContent = `${session.user} · ${session.canWrite ? 'archivist' : 'reader'}`;
  window.addEventListener('hashchange', route);
  route();
}

start();
