// The big screen: read-only. It keeps the board it was given when it connected, applies every
// change to it as it comes, and fills in what the server drew (each kind draws itself: server/Sections):
// the section under discussion in large type, or for a PATH, the whole path.
import { RoomConnection } from './room-connection.js';
import { showStatus } from './status.js';
import { say } from './text.js';
import { showHeldUp } from './traffic-lights.js';
import { showMeetingTimer } from './meeting-timer.js';
import { fromTemplate, fill, fillAnswers, place, belongs } from './parts.js';

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
showDisplayChoices(document.getElementById('screen-display'), fitToScreen);
window.addEventListener('resize', fitToScreen);
connection.start();

// Larger or smaller text and high contrast, for the room; kept on this device.
function showDisplayChoices(controls, changed) {
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
        changed();
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
    const shown = board.nowDiscussing ?? (area.dataset.firstWhenIdle ? board.sections[0]?.id : null);
    for (const panel of area.querySelectorAll('[data-screen-section]')) {
        const id = panel.dataset.screenSection;
        panel.hidden = !(panel.dataset.always || id === shown);
        panel.classList.toggle('screen__section--now', id === board.nowDiscussing);
        panel.querySelector('[data-now-badge]').hidden = id !== board.nowDiscussing;
    }
    for (const section of board.sections) {
        for (const list of area.querySelectorAll(`[data-cards-for="${CSS.escape(section.id)}"]`)) {
            place(list, section.cards.filter((card) => belongs(card, list))
                .map((card) => fillAnswers(fill(fromTemplate('screen-card'), { text: card.answers ? null : card.text }), card.answers)));
        }
        for (const list of area.querySelectorAll(`[data-actions-for="${CSS.escape(section.id)}"]`)) {
            place(list, section.actions.map((action) => fill(fromTemplate('screen-action'), {
                what: action.what, who: say('Board.Action.WhoWhen', action.owner, action.dueOn, action.dueInWords),
            })));
        }
        for (const list of area.querySelectorAll(`[data-chosen-for="${CSS.escape(section.id)}"]`)) {
            list.replaceChildren(...(Number.isInteger(section.chosen) ? [fill(fromTemplate('screen-card'), { text: section.options[section.chosen] })] : []));
        }
    }
    for (const nothing of area.querySelectorAll('[data-nothing]')) {
        nothing.hidden = nothing.previousElementSibling.children.length > 0;
    }
    fitToScreen();
}

// A drawing (the PATH, MAPS, rings) stays on one screen: its type is made smaller until the page no
// longer scrolls, however many cards it holds and whatever text size the room chose.
function fitToScreen() {
    const page = document.documentElement;
    for (const drawing of area.querySelectorAll('[data-fit-to-screen]')) {
        if (drawing.closest('[hidden]')) continue;
        let fit = 1;
        drawing.style.setProperty('--fit', '1');
        while (page.scrollHeight > window.innerHeight && fit > 0.3) {
            fit -= 0.05;
            drawing.style.setProperty('--fit', String(fit));
        }
    }
}
