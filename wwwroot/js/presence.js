// The "Here now" list: who has the board open, with how they know the person.
import { announce, announceChange } from './announcer.js';
import { say } from './text.js';

export function showPresence(list, room, me, { canAdmit = false } = {}) {
    const waitingArea = document.getElementById('waiting-area');
    const waitingList = document.getElementById('waiting');
    let participants = new Map();
    let here = [...list.querySelectorAll('[data-participant-id]')].map((item) => item.dataset.participantId);

    room.addEventListener('snapshot', ({ detail }) => { remember(detail.participants, new Map()); render(); });
    // A change names only the people it touched; someone removed or turned away comes marked removed.
    room.addEventListener('participants-changed', ({ detail }) => { remember(detail, new Map(participants)); render(); });
    room.addEventListener('presence-changed', ({ detail }) => {
        const before = new Set(here);
        here = detail;
        for (const id of here.filter((id) => !before.has(id) && id !== me)) announceChange(`here:${id}`, say('joined', nameOf(id)));
        for (const id of [...before].filter((id) => !here.includes(id) && id !== me)) announceChange(`here:${id}`, say('left', nameOf(id)));
        render();
    });

    function remember(list, known) {
        const waitingBefore = new Set([...participants.values()].filter((p) => p.waiting).map((p) => p.id));
        for (const p of list) {
            if (p.removed) known.delete(p.id);
            else known.set(p.id, p);
        }
        participants = known;
        if (!canAdmit || !waitingList) return;
        const waiting = [...participants.values()].filter((p) => p.waiting);
        for (const p of waiting.filter((p) => !waitingBefore.has(p.id))) announceChange(`waiting:${p.id}`, say('Board.Waiting') + ': ' + p.name);
        waitingList.replaceChildren(...waiting.map(waitingItem));
        waitingArea.hidden = waiting.length === 0;
    }

    function waitingItem(p) {
        const item = document.createElement('li');
        item.dataset.waitingId = p.id;
        item.className = 'lobby__person';
        const who = document.createElement('span');
        who.textContent = say('nameAndRelationship', p.name, p.relationship);
        item.append(who, admitButton(say('Board.LetIn', p.name), p.id, true), admitButton(say('Board.TurnAway', p.name), p.id, false));
        return item;
    }

    function admitButton(text, id, letIn) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = letIn ? 'govuk-button govuk-!-margin-bottom-1' : 'govuk-button govuk-button--warning govuk-!-margin-bottom-1';
        button.textContent = text;
        button.addEventListener('click', () => room.invoke('Admit', id, letIn).catch((error) => announce(error.refusal ?? say('waiting'))));
        return button;
    }

    function nameOf(id) {
        return participants.get(id)?.name ?? '';
    }

    function render() {
        const items = here.filter((id) => participants.has(id)).map((id) => {
            const p = participants.get(id);
            const item = document.createElement('li');
            item.dataset.participantId = id;
            item.textContent = say('nameAndRelationship', p.name, p.relationship) + (id === me ? ` ${say('you')}` : '');
            return item;
        });
        if (items.length <= 1) {
            const nobody = document.createElement('li');
            nobody.textContent = say('nobodyElse');
            items.push(nobody);
        }
        list.replaceChildren(...items);
    }
}
