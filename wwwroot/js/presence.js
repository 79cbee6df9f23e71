// The "Here now" list: who has the board open, with how they know the person.
import { announce } from './announcer.js';
import { say } from './text.js';

export function showPresence(list, room, me) {
    let participants = new Map();
    let here = [...list.querySelectorAll('[data-participant-id]')].map((item) => item.dataset.participantId);

    room.addEventListener('snapshot', ({ detail }) => { remember(detail.participants); render(); });
    room.addEventListener('participants-changed', ({ detail }) => { remember(detail); render(); });
    room.addEventListener('presence-changed', ({ detail }) => {
        const before = new Set(here);
        here = detail;
        for (const id of here.filter((id) => !before.has(id) && id !== me)) announce(say('joined', nameOf(id)));
        for (const id of [...before].filter((id) => !here.includes(id) && id !== me)) announce(say('left', nameOf(id)));
        render();
    });

    function remember(list) {
        participants = new Map(list.map((p) => [p.id, p]));
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
