// The big screen: read-only. It keeps the board it was given when it connected, applies every
// change to it as it comes, and redraws. Shows the section under discussion in large type (the
// grid as a grid), or for a PATH, the whole path.
import { RoomConnection } from './room-connection.js';
import { showStatus } from './status.js';
import { say } from './text.js';
import { showHeldUp } from './traffic-lights.js';
import { showMeetingTimer } from './meeting-timer.js';

const screen = document.getElementById('screen');
const area = document.getElementById('screen-board');
const here = document.getElementById('screen-here');
const connection = new RoomConnection(screen.dataset.reviewId, Number(screen.dataset.version), { screen: true });

showStatus(document.getElementById('connection-status'), connection);
let board = null;
connection.addEventListener('delta', ({ detail }) => {
    if (!board) return;
    apply(board, detail);
    showJoinCode(board.joinCode);
    draw(board);
});
connection.addEventListener('presence-changed', ({ detail }) => {
    here.textContent = say('Screen.HereNow', detail.length);
});
showHeldUp(document.getElementById('screen-lights'), connection);
showMeetingTimer(document.getElementById('meeting-timer'), connection);
connection.addEventListener('snapshot', ({ detail }) => {
    board = detail;
    showJoinCode(board.joinCode);
    draw(board);
});
// A screen whose link was revoked keeps nothing of the review on show.
connection.addEventListener('state', ({ detail }) => {
    if (detail.state !== 'refused') return;
    area.replaceChildren();
    document.querySelector('.screen__header').replaceChildren();
});
showDisplayChoices(document.getElementById('screen-display'));
connection.start();

// Larger or smaller text and high contrast, for the room; kept on this device.
function showDisplayChoices(controls) {
    const sizes = [0.7, 0.85, 1, 1.2, 1.4, 1.7];
    const page = document.documentElement;
    let size = sizes.indexOf(Number(localStorage.getItem('rr-screen-text') ?? 1));
    if (size < 0) size = sizes.indexOf(1);
    let contrast = localStorage.getItem('rr-screen-contrast') === 'true';
    const contrastButton = controls.querySelector('[data-contrast]');
    const show = () => {
        page.style.setProperty('--screen-text', String(sizes[size]));
        page.classList.toggle('screen-page--contrast', contrast);
        contrastButton.setAttribute('aria-pressed', String(contrast));
        for (const button of controls.querySelectorAll('[data-text-step]')) {
            const next = size + Number(button.dataset.textStep);
            button.disabled = next < 0 || next >= sizes.length;
        }
        localStorage.setItem('rr-screen-text', String(sizes[size]));
        localStorage.setItem('rr-screen-contrast', String(contrast));
    };
    for (const button of controls.querySelectorAll('[data-text-step]')) {
        button.addEventListener('click', () => { size = Math.min(sizes.length - 1, Math.max(0, size + Number(button.dataset.textStep))); show(); });
    }
    contrastButton.addEventListener('click', () => { contrast = !contrast; show(); });
    controls.hidden = false;
    show();
}

function showJoinCode(code) {
    document.getElementById('screen-join').hidden = !code;
    if (!code) return;
    document.getElementById('screen-code').textContent = `${code.slice(0, 3)} ${code.slice(3)}`;
    const qr = document.getElementById('screen-qr');
    const src = `/screen/${encodeURIComponent(screen.dataset.reviewId)}/qr?code=${code}`;
    if (qr.getAttribute('src') !== src) qr.setAttribute('src', src);
}

// A delta's parts have the names and shapes of the snapshot's.
function apply(view, delta) {
    const sectionOf = (id) => view.sections.find((s) => s.id === id);
    for (const card of delta.cards ?? []) {
        const target = sectionOf(card.sectionId);
        for (const section of view.sections) {
            const at = section.cards.findIndex((c) => c.id === card.id);
            if (at >= 0 && section === target) section.cards[at] = card;
            else if (at >= 0) section.cards.splice(at, 1);
        }
        if (target && !target.cards.some((c) => c.id === card.id)) target.cards.push(card);
    }
    for (const section of view.sections) section.cards = section.cards.filter((c) => !(delta.removedCards ?? []).includes(c.id));
    for (const action of delta.actions ?? []) {
        const section = sectionOf(action.sectionId);
        if (!section) continue;
        section.actions = [...section.actions.filter((a) => a.id !== action.id), action].sort((a, b) => a.due.localeCompare(b.due));
    }
    for (const state of delta.sections ?? []) Object.assign(sectionOf(state.id) ?? {}, state);
    for (const person of delta.participants ?? []) {
        view.participants = [...view.participants.filter((p) => p.id !== person.id), ...(person.removed ? [] : [person])];
    }
    if (delta.board) Object.assign(view, delta.board);
}

function draw(board) {
    const steps = board.sections.filter((s) => s.kind === 'Path');
    if (steps.length > 0) {
        area.replaceChildren(path(board, steps));
        return;
    }
    const now = board.sections.find((s) => s.id === board.nowDiscussing) ?? board.sections[0];
    area.replaceChildren(section(now, board.nowDiscussing === now.id, 'h2'));
}

function path(board, steps) {
    const drawing = element('div', 'path');
    steps.forEach((step, i) => {
        const box = section(step, board.nowDiscussing === step.id, 'h2');
        box.classList.add('path__step', `path__step--${i + 1}`);
        drawing.append(box);
    });
    drawing.append(element('div', 'path__arrow'));
    const rest = board.sections.find((s) => s.id === board.nowDiscussing && s.kind !== 'Path');
    if (rest) drawing.append(Object.assign(section(rest, true, 'h2'), { className: 'screen__section path__rest screen__section--now' }));
    return drawing;
}

function section(view, isNow, level) {
    const box = element('section', isNow ? 'screen__section screen__section--now' : 'screen__section');
    box.setAttribute('aria-labelledby', `screen-${view.id}`);
    if (isNow) box.append(element('p', 'screen__now', say('Screen.NowDiscussing')));
    const heading = element(level, 'screen__heading', view.heading);
    heading.id = `screen-${view.id}`;
    box.append(heading);
    if (view.kind === 'Grid') box.append(grid(view));
    else if (view.kind === 'Actions') box.append(list(view.actions.map((a) => `${a.what} — ${say('Board.Action.WhoWhen', a.owner, a.dueOn, a.dueInWords)}`)));
    else if (view.kind === 'Choice') box.append(list(view.options.filter((_, i) => i === view.chosen)));
    else box.append(list(view.cards.map(words)));
    return box;
}

function grid(view) {
    const table = element('table', 'screen__grid');
    const head = element('tr');
    head.append(element('td'));
    for (const perspective of view.options) head.append(Object.assign(element('th', '', perspective), { scope: 'col' }));
    table.append(head);
    for (const working of [true, false]) {
        const row = element('tr');
        row.append(Object.assign(element('th', '', say(working ? 'Grid.Working' : 'Grid.NotWorking')), { scope: 'row' }));
        for (const perspective of view.options) {
            const cell = element('td');
            cell.append(list(view.cards.filter((c) => c.perspective === perspective && c.working === working).map(words)));
            row.append(cell);
        }
        table.append(row);
    }
    return table;
}

function words(card) {
    return card.text;
}

function list(items) {
    if (items.length === 0) return element('p', 'screen__nothing', say('Screen.Nothing'));
    const ul = element('ul', 'screen__cards');
    for (const text of items) ul.append(element('li', 'screen__card', text));
    return ul;
}

function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
}
