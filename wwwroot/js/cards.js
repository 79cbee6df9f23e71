// The sections' cards: shows everyone's as they arrive, and sends yours without ever losing what
// you typed. Drafts and unsent cards are kept in this tab's session storage, so a reload or a lost
// connection keeps them; unsent cards are sent again, under the same operation id, once live.
import { announce } from './announcer.js';
import { say } from './text.js';

export function showCards(board, room, { reviewId, me, status }) {
    const pendingKey = `rr-pending-${reviewId}`;
    const pending = new Map(JSON.parse(sessionStorage.getItem(pendingKey) ?? '[]'));
    const headings = new Map();

    for (const section of board.querySelectorAll('[data-section-id]')) {
        const id = section.dataset.sectionId;
        headings.set(id, section.querySelector('h2').textContent);
        const form = section.querySelector('form.add-card');
        const box = form.querySelector('textarea');
        const draftKey = `rr-draft-${reviewId}-${id}`;
        if (!box.value) box.value = sessionStorage.getItem(draftKey) ?? '';
        box.addEventListener('input', () => sessionStorage.setItem(draftKey, box.value));
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            send(newOperationId(), id, box.value);
        });
    }

    room.addEventListener('snapshot', ({ detail }) => {
        for (const section of detail.sections) {
            listFor(section.id)?.replaceChildren(...section.cards.map(cardItem));
        }
        for (const [operationId, card] of pending) send(operationId, card.sectionId, card.text);
    });
    room.addEventListener('card-added', ({ detail: card }) => {
        const list = listFor(card.sectionId);
        if (!list || list.querySelector(`[data-card-id="${CSS.escape(card.id)}"]`)) return;
        list.append(cardItem(card));
        if (card.authorId !== me) {
            announce(say('cardAdded', card.authorName, headings.get(card.sectionId) ?? '', card.text.slice(0, 140)));
        }
    });

    async function send(operationId, sectionId, text) {
        pending.set(operationId, { sectionId, text });
        savePending();
        showError(sectionId, null);
        if (room.state !== 'live') {
            showError(sectionId, say('waiting'), 'waiting');
            return;
        }
        try {
            await room.addCard(operationId, sectionId, text);
            pending.delete(operationId);
            savePending();
            const box = boxFor(sectionId);
            if (box.value === text) {
                box.value = '';
                sessionStorage.removeItem(`rr-draft-${reviewId}-${sectionId}`);
            }
            status.saved();
        } catch (error) {
            if (error.refusal) {
                pending.delete(operationId);
                savePending();
                showError(sectionId, error.refusal);
            } else {
                showError(sectionId, say('waiting'), 'waiting');
            }
        }
    }

    function savePending() {
        sessionStorage.setItem(pendingKey, JSON.stringify([...pending]));
    }

    function showError(sectionId, message, kind = 'error') {
        const box = boxFor(sectionId);
        const group = box.closest('.govuk-form-group');
        const error = group.querySelector('.govuk-error-message');
        const isError = message !== null && kind === 'error';
        group.classList.toggle('govuk-form-group--error', isError);
        error.classList.toggle('add-card__waiting', kind === 'waiting');
        box.classList.toggle('govuk-textarea--error', isError);
        error.hidden = message === null;
        error.querySelector('.govuk-visually-hidden').hidden = !isError;
        error.querySelector('[data-error-text]').textContent = message ?? '';
    }

    function listFor(sectionId) {
        return board.querySelector(`[data-cards-for="${CSS.escape(sectionId)}"]`);
    }

    function boxFor(sectionId) {
        return board.querySelector(`[data-section-id="${CSS.escape(sectionId)}"] textarea`);
    }
}

function cardItem(card) {
    const item = document.createElement('li');
    item.className = 'card';
    item.dataset.cardId = card.id;
    const text = document.createElement('p');
    text.className = 'card__text';
    text.textContent = card.text;
    const by = document.createElement('p');
    by.className = 'card__by';
    by.textContent = say('nameAndRelationship', card.authorName, card.authorRelationship);
    item.append(text, by);
    return item;
}

// crypto.randomUUID needs a secure context; a meeting room's LAN address may not be one.
function newOperationId() {
    return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
