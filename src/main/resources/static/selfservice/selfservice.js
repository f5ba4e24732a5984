// The self-service page: lists the user's mobile IDs and starts Get and Lock mobile ID.
// It calls /api with the Tasklist login of this browser (the Camunda webapp session); the
// X-Requested-With header keeps the browser from asking for basic credentials and is what the
// server requires of a session request that changes something.
'use strict';

const TASKLIST_TASK = '/camunda/app/tasklist/default/#/?task=';

async function api(method, path, body, retried) {
    const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: {
            'Accept': 'application/json',
            'Content-Type': 'application/json',
            'X-Requested-With': 'XMLHttpRequest'
        },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (response.status === 401 && method === 'GET' && !retried) {
        // Limitation: right after a device activation, one of the page's parallel reads can be
        // answered 401 although the session is valid (a race not yet understood); a read is
        // asked once more before the page says that the user is logged out.
        await new Promise(resolve => setTimeout(resolve, 500));
        return api(method, path, body, true);
    }
    if (response.status === 401) {
        document.getElementById('login-needed').hidden = false;
        document.getElementById('get').hidden = true;
        throw new Error('Not logged in');
    }
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
        throw new Error(json.detail || `The server answered ${response.status}`);
    }
    return json;
}

function say(text) {
    document.getElementById('message').textContent = text || '';
}

function goToTask(started) {
    if (started.taskId) {
        window.location.href = TASKLIST_TASK + encodeURIComponent(started.taskId);
    } else {
        window.location.href = '/camunda/app/tasklist/';
    }
}

function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
    children.forEach(child => element.append(child));
    return element;
}

function date(value) {
    return value ? new Date(value).toLocaleString() : '';
}

function certificateTable(certificates) {
    const table = el('table', {},
        el('thead', {}, el('tr', {},
            el('th', {}, 'Type'), el('th', {}, 'Serial number'), el('th', {}, 'Valid until'),
            el('th', {}, 'Identity Manager'), el('th', {}, 'CA'))));
    const body = el('tbody');
    certificates.forEach(c => body.append(el('tr', {},
        el('td', {}, c.type), el('td', {class: 'serial'}, c.serialNumber),
        el('td', {}, date(c.notAfter)), el('td', {}, c.idmState),
        el('td', {}, c.caState + (c.revocationReason ? ` (${c.revocationReason})` : '')))));
    table.append(body);
    return table;
}

function lockActions(mobileId) {
    const actions = el('div', {class: 'actions'});
    const toggle = el('button', {type: 'button', class: 'secondary possible-actions'},
        'Possible actions');
    const menu = el('menu', {hidden: ''});
    const lock = el('button', {type: 'button', class: 'danger lock-mobile-id'}, 'Lock Mobile ID');
    toggle.addEventListener('click', () => { menu.hidden = !menu.hidden; });
    lock.addEventListener('click', async () => {
        lock.disabled = true;
        try {
            goToTask(await api('POST', `/api/mobile-ids/${encodeURIComponent(mobileId.id)}/lock`, {}));
        } catch (e) {
            say(e.message);
            lock.disabled = false;
        }
    });
    menu.append(el('li', {}, lock));
    actions.append(toggle, menu);
    return actions;
}

async function card(summary) {
    const mobileId = await api('GET', `/api/mobile-ids/${encodeURIComponent(summary.id)}`);
    const section = el('article', {class: 'mobile-id', 'data-mobile-id': mobileId.id},
        el('h2', {}, mobileId.displayName,
            el('span', {class: `state state-${mobileId.state}`}, mobileId.state)),
        el('p', {class: 'meta'}, `Created ${date(mobileId.createdAt)}`
            + (mobileId.activatedAt ? `, activated ${date(mobileId.activatedAt)}` : '')
            + (mobileId.lockedAt ? `, locked ${date(mobileId.lockedAt)}` : '')));
    if (mobileId.state === 'registered' && mobileId.activationExpiresAt) {
        const expired = new Date(mobileId.activationExpiresAt) <= new Date();
        section.append(el('p', {class: 'meta'}, expired
            ? 'Not activated: its activation code expired.'
            : `Waiting for your phone until ${date(mobileId.activationExpiresAt)}. `
              + 'The activation code is in your Tasklist.'));
    }
    if (mobileId.certificates && mobileId.certificates.length > 0) {
        section.append(certificateTable(mobileId.certificates));
    }
    if (mobileId.state === 'active') {
        section.append(lockActions(mobileId));
    }
    return section;
}

async function load() {
    const list = await api('GET', '/api/mobile-ids');
    document.getElementById('get').hidden = false;
    const container = document.getElementById('mobile-ids');
    const cards = await Promise.all(list.slice().reverse().map(card));
    container.replaceChildren(...cards);
    if (cards.length === 0) {
        container.append(el('p', {}, 'You have no mobile ID yet.'));
    }
    return list;
}

async function getMobileId() {
    say('');
    const list = await api('GET', '/api/mobile-ids');
    const active = list.find(m => m.state === 'active');
    if (active) {
        // Only one mobile ID is active at a time: lock this one first, then get the new one.
        const lockFirst = document.getElementById('lock-first');
        lockFirst.hidden = false;
        lockFirst.dataset.mobileId = active.id;
        return;
    }
    goToTask(await api('POST', '/api/mobile-ids'));
}

async function lockAndGet() {
    const mobileId = document.getElementById('lock-first').dataset.mobileId;
    goToTask(await api('POST', `/api/mobile-ids/${encodeURIComponent(mobileId)}/lock`,
        {getNewMobileId: true}));
}

function guarded(action) {
    return () => action().catch(e => say(e.message));
}

document.getElementById('get-mobile-id').addEventListener('click', guarded(getMobileId));
document.getElementById('lock-and-get').addEventListener('click', guarded(lockAndGet));
document.getElementById('lock-and-get-cancel').addEventListener('click', () => {
    document.getElementById('lock-first').hidden = true;
});
load().catch(e => say(e.message === 'Not logged in' ? '' : e.message));
