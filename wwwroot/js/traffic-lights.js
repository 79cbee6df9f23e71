// Traffic-light cards: anyone in the room holds one up from their own device (red: stop, I don't
// understand; amber: slow down; green: I agree) until they put it down. The facilitator and the big
// screen see who holds which. Nothing of it is saved or goes in the minutes.
import { announce, announceChange } from './announcer.js';
import { say } from './text.js';

/** The holder's own buttons on the board: pressing the card held up puts it down again. */
export function showTrafficLights(panel, room, { me }) {
    if (!panel) return;
    panel.hidden = false;
    const buttons = [...panel.querySelectorAll('[data-light]')];
    const putDown = panel.querySelector('[data-put-down]');
    let mine = null;

    for (const button of buttons) {
        button.addEventListener('click', () => hold(button.dataset.light === mine ? null : button.dataset.light));
    }
    putDown.addEventListener('click', () => hold(null));

    room.addEventListener('traffic-lights', ({ detail: held }) => {
        mine = held.find((h) => h.participantId === me)?.light ?? null;
        for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.light === mine));
        putDown.hidden = mine === null;
    });

    async function hold(light) {
        try {
            await room.invoke('HoldUp', light);
        } catch (error) {
            announce(error.refusal ?? say('waiting'));
        }
    }
}

/**
 * Who holds up which card, with their names, for the facilitator's board and the big screen; the
 * cards can come before the names do, so either redraws the list. On the board, each new card is
 * read out with the others' changes.
 */
export function showHeldUp(list, room, { me = null, readOut = false } = {}) {
    if (!list) return;
    const names = new Map();
    let held = [];
    let before = new Map();
    room.addEventListener('snapshot', ({ detail }) => { detail.participants.forEach((p) => names.set(p.id, p.name)); draw(); });
    room.addEventListener('participants-changed', ({ detail }) => { detail.forEach((p) => names.set(p.id, p.name)); draw(); });
    room.addEventListener('traffic-lights', ({ detail }) => {
        held = detail;
        draw();
        if (readOut) {
            for (const h of held.filter((h) => h.participantId !== me && before.get(h.participantId) !== h.light)) {
                announceChange(`light:${h.participantId}`, say('Board.Lights.Held', names.get(h.participantId) ?? '', say(`Board.Lights.${h.light}`)));
            }
        }
        before = new Map(held.map((h) => [h.participantId, h.light]));
    });

    function draw() {
        list.closest('[data-held-up]').hidden = held.length === 0;
        list.replaceChildren(...held.map((h) => Object.assign(document.createElement('li'), {
            className: `held-up held-up--${h.light.toLowerCase()}`,
            textContent: say('Board.Lights.HeldBy', names.get(h.participantId) ?? '', say(`Board.Lights.${h.light}`)),
        })));
    }
}
