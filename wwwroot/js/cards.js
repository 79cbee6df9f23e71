// The cards in every section that holds them (lists, grids, questions, PATH steps): shows everyone's
// as they change, and sends yours without ever losing what you typed. Drafts and unsent cards are
// kept in this tab's session storage, so a reload or a lost connection keeps them; unsent cards are
// sent again, under the same operation id, once live.
import { announce, announceChange } from './announcer.js';
import { say } from './text.js';

const cardKinds = new Set(['cards', 'grid', 'questions', 'path']);
const undoSeconds = 10;

export function showCards(board, room, { reviewId, me, isFacilitator, isPerson, status }) {
    const pendingKey = `rr-pending-${reviewId}`;
    const pending = new Map(JSON.parse(sessionStorage.getItem(pendingKey) ?? '[]'));
    let sections = [];

    for (const form of board.querySelectorAll('form.add-card')) {
        const sectionId = form.elements.sectionId.value;
        const box = form.elements.text;
        const draftKey = `rr-draft-${reviewId}-${sectionId}`;
        if (!box.value) box.value = sessionStorage.getItem(draftKey) ?? '';
        box.addEventListener('input', () => sessionStorage.setItem(draftKey, box.value));
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            const [working, perspective] = form.elements.cell ? splitCell(form.elements.cell.value) : [null, null];
            send(newOperationId(), {
                sectionId,
                text: box.value,
                perspective,
                working,
                saidBy: form.elements.saidBy?.value || null,
                findOutBy: form.elements.findOutBy?.value || null,
            });
        });
    }

    room.addEventListener('snapshot', ({ detail }) => {
        sections = detail.sections.filter((s) => cardKinds.has(kindName(s.kind)));
        for (const section of sections) {
            for (const list of listsFor(section.id)) {
                // A card someone is editing keeps its element, so their focus and typing stay put.
                const busy = document.activeElement?.closest('[data-card-id]');
                place(list, section.cards.filter((card) => belongs(card, list))
                    .map((card) => (busy?.dataset.cardId === card.id && list.contains(busy) ? busy : cardItem(card))));
            }
        }
        for (const [operationId, draft] of pending) send(operationId, draft);
    });

    room.addEventListener('card-saved', ({ detail: card }) => {
        const existing = board.querySelector(`[data-card-id="${CSS.escape(card.id)}"]`);
        const list = listsFor(card.sectionId).find((l) => belongs(card, l));
        if (!list) return;
        const item = cardItem(card);
        if (existing?.parentElement === list) existing.replaceWith(item);
        else {
            existing?.remove();
            list.append(item);
        }
        if (card.authorId !== me) {
            const heading = headingOf(card.sectionId);
            announceChange(`cards:${card.sectionId}`, say('cardAdded', card.authorName, heading, card.text.slice(0, 140)), (n) => say('Board.Announce.NewCards', n, heading));
        }
    });

    room.addEventListener('card-removed', ({ detail: cardId }) => {
        board.querySelector(`[data-card-id="${CSS.escape(cardId)}"]`)?.remove();
    });

    async function send(operationId, draft) {
        pending.set(operationId, draft);
        savePending();
        showMessage(draft.sectionId, null);
        if (room.state !== 'live') {
            showMessage(draft.sectionId, say('waiting'), 'waiting');
            return;
        }
        try {
            await room.invoke('AddCard', operationId, draft);
            forget(operationId);
            const form = formFor(draft.sectionId);
            if (form.elements.text.value === draft.text) {
                form.elements.text.value = '';
                sessionStorage.removeItem(`rr-draft-${reviewId}-${draft.sectionId}`);
            }
            if (form.elements.saidBy) form.elements.saidBy.value = '';
            if (form.elements.findOutBy) form.elements.findOutBy.value = '';
            status.saved();
        } catch (error) {
            if (error.refusal) {
                forget(operationId);
                showMessage(draft.sectionId, error.refusal);
            } else {
                showMessage(draft.sectionId, say('waiting'), 'waiting');
            }
        }
    }

    function forget(operationId) {
        pending.delete(operationId);
        savePending();
    }

    function savePending() {
        sessionStorage.setItem(pendingKey, JSON.stringify([...pending]));
    }

    function showMessage(sectionId, message, kind = 'error') {
        const box = formFor(sectionId)?.elements.text;
        if (!box) return;
        const group = box.closest('.govuk-form-group');
        const error = group.querySelector('.govuk-error-message');
        const isError = message !== null && kind === 'error';
        group.classList.toggle('govuk-form-group--error', isError);
        box.classList.toggle('govuk-textarea--error', isError);
        error.classList.toggle('add-card__waiting', kind === 'waiting');
        error.hidden = message === null;
        error.querySelector('.govuk-visually-hidden').hidden = !isError;
        error.querySelector('[data-error-text]').textContent = message ?? '';
    }

    function cardItem(card) {
        const item = element('li', card.keptOutOfMinutes ? 'card card--kept-out' : 'card');
        item.dataset.cardId = card.id;
        if (card.keptOutOfMinutes) {
            const marker = element('p', 'card__marker');
            marker.append(element('strong', 'govuk-tag govuk-tag--grey', say('Board.KeptOut')));
            item.append(marker);
        }
        if (card.sentBeforeMeeting) {
            const marker = element('p', 'card__marker');
            marker.append(element('strong', 'govuk-tag govuk-tag--blue', say('Board.SentBefore')));
            item.append(marker);
        }
        item.append(element('p', 'card__text', card.text));
        item.append(element('p', 'card__by', card.saidBy
            ? say('Board.SaidByShown', card.saidBy, card.authorName)
            : say('nameAndRelationship', card.authorName, card.authorRelationship)));
        if (card.editedBy) item.append(element('p', 'card__by', say('Board.EditedBy', card.editedBy)));
        if (card.findOutBy) item.append(element('p', 'card__by', say('Board.FindOutByShown', card.findOutBy)));
        if (card.authorId === me || isFacilitator || isPerson) item.append(controls(card));
        return item;
    }

    function controls(card) {
        const bar = element('div', 'card__controls');
        if (card.authorId === me || isFacilitator) {
            const edit = button(say('Board.Edit'), () => startEditing(card));
            edit.dataset.control = 'edit';
            bar.append(edit, button(say('Board.Delete'), () => removeCard(card)), mover(card));
        }
        if (isPerson) {
            const keep = button(say(card.keptOutOfMinutes ? 'Board.PutBack' : 'Board.KeepOut'), async () => {
                await room.invoke('SetKeptOutOfMinutes', card.id, !card.keptOutOfMinutes)
                    .then(() => focusControl(card.id, 'minutes'))
                    .catch((failure) => announce(failure.refusal ?? say('waiting')));
            });
            keep.dataset.control = 'minutes';
            bar.append(keep);
        }
        return bar;
    }

    function startEditing(card) {
        const item = board.querySelector(`[data-card-id="${CSS.escape(card.id)}"]`);
        const form = element('form', 'card__edit');
        const id = `edit-${card.id}`;
        const label = element('label', 'govuk-label', say('Board.EditCard'));
        label.htmlFor = id;
        const box = element('textarea', 'govuk-textarea');
        box.id = id;
        box.rows = 3;
        box.value = card.text;
        const error = element('p', 'govuk-error-message');
        error.hidden = true;
        const save = element('button', 'govuk-button', say('Board.Save'));
        save.type = 'submit';
        const cancel = button(say('Board.Cancel'), () => {
            form.replaceWith(cardItem(card));
            focusControl(card.id, 'edit');
        });
        form.append(label, error, box, save, cancel);
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            try {
                await room.invoke('EditCard', card.id, { ...draftOf(card), text: box.value });
                focusControl(card.id, 'edit');
                status.saved();
            } catch (failure) {
                error.textContent = failure.refusal ?? say('waiting');
                error.hidden = false;
            }
        });
        item.replaceChildren(form);
        box.focus();
    }

    async function removeCard(card) {
        try {
            await room.invoke('DeleteCard', card.id);
        } catch (failure) {
            announce(failure.refusal ?? say('waiting'));
            return;
        }
        const area = board.querySelector(`[data-section-id="${CSS.escape(card.sectionId)}"] [data-undo]`);
        const undo = button(say('Board.Undo'), async () => {
            area.hidden = true;
            await room.invoke('RestoreCard', card.id).catch((failure) => announce(failure.refusal ?? say('waiting')));
        });
        area.replaceChildren(element('span', 'board__undo-text', say('Board.Deleted')), undo);
        area.hidden = false;
        undo.focus();
        setTimeout(() => { if (area.contains(undo)) area.hidden = true; }, undoSeconds * 1000);
    }

    function mover(card) {
        const details = element('details', 'card__move');
        details.append(element('summary', 'card__move-summary', say('Board.Move')));
        const id = `move-${card.id}`;
        const label = element('label', 'govuk-label govuk-label--s', say('Board.MoveTo'));
        label.htmlFor = id;
        const select = element('select', 'govuk-select');
        select.id = id;
        for (const section of sections) {
            const places = kindName(section.kind) === 'grid'
                ? section.options.flatMap((p) => [[`${section.id}|working|${p}`, `${section.heading}: ${say('Grid.Cell', p, say('Grid.Working'))}`],
                    [`${section.id}|not-working|${p}`, `${section.heading}: ${say('Grid.Cell', p, say('Grid.NotWorking'))}`]])
                : [[section.id, section.heading]];
            for (const [value, text] of places) {
                if (value === placeOf(card)) continue;
                const option = element('option', '', text);
                option.value = value;
                select.append(option);
            }
        }
        const go = button(say('Board.Move'), async () => {
            const [sectionId, column, perspective] = select.value.split('|');
            try {
                await room.invoke('MoveCard', card.id, sectionId, perspective ?? null, column ? column === 'working' : null);
                status.saved();
            } catch (failure) {
                announce(failure.refusal ?? say('waiting'));
            }
        });
        details.append(label, select, go);
        return details;
    }

    function focusControl(cardId, control) {
        board.querySelector(`[data-card-id="${CSS.escape(cardId)}"] [data-control="${control}"]`)?.focus();
    }

    function headingOf(sectionId) {
        return board.querySelector(`#heading-${CSS.escape(sectionId)}`)?.textContent ?? '';
    }

    function listsFor(sectionId) {
        return [...board.querySelectorAll(`[data-cards-for="${CSS.escape(sectionId)}"]`)];
    }

    function formFor(sectionId) {
        return board.querySelector(`form.add-card input[name="sectionId"][value="${CSS.escape(sectionId)}"]`)?.form;
    }
}

function belongs(card, list) {
    return !list.dataset.cell || list.dataset.cell === `${card.working ? 'working' : 'not-working'}|${card.perspective}`;
}

function placeOf(card) {
    return card.perspective ? `${card.sectionId}|${card.working ? 'working' : 'not-working'}|${card.perspective}` : card.sectionId;
}

function draftOf(card) {
    return { sectionId: card.sectionId, text: card.text, perspective: card.perspective, working: card.working, saidBy: card.saidBy, findOutBy: card.findOutBy };
}

function splitCell(value) {
    const [column, perspective] = value.split('|');
    return [column === 'working', perspective];
}

// SignalR's JSON sends enums as numbers: the order of SectionKind on the server.
function kindName(kind) {
    return typeof kind === 'string' ? kind.toLowerCase() : ['cards', 'grid', 'actions', 'questions', 'path', 'choice'][kind];
}

// Puts the items in order without taking out one that stays: taking out an element loses its focus.
export function place(list, items) {
    const staying = new Set(items);
    for (const child of [...list.children]) {
        if (!staying.has(child)) child.remove();
    }
    items.forEach((node, i) => {
        if (list.children[i] !== node) list.insertBefore(node, list.children[i] ?? null);
    });
}

export function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
}

function button(text, onClick) {
    const node = element('button', 'govuk-button govuk-button--secondary card__button', text);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
}

// crypto.randomUUID needs a secure context; a meeting room's LAN address may not be one.
export function newOperationId() {
    return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
