// The cards in every section that holds them (lists, grids, questions, PATH steps): shows everyone's
// as they change, and sends yours without ever losing what you typed. Drafts and unsent cards are
// kept in this tab's session storage, so a reload or a lost connection keeps them; unsent cards are
// sent again, under the same operation id, once live.
import { announce, announceChange } from './announcer.js';
import { say } from './text.js';
import { fromTemplate, fill, fillAnswers, placeOf, parsePlace, place, belongs } from './parts.js';

const undoSeconds = 10;

export function showCards(board, room, { reviewId, me, isFacilitator, isPerson, status }) {
    const pendingKey = `rr-pending-${reviewId}`;
    const pending = new Map(JSON.parse(sessionStorage.getItem(pendingKey) ?? '[]'));

    for (const form of board.querySelectorAll('form.add-card')) {
        const sectionId = form.elements.sectionId.value;
        const box = form.elements.text;
        const answerBoxes = [...form.querySelectorAll('textarea[name="answers"]')];
        for (const [i, field] of [box, ...answerBoxes].entries()) {
            const draftKey = draftKeyOf(sectionId, i);
            if (!field.value) field.value = sessionStorage.getItem(draftKey) ?? '';
            field.addEventListener('input', () => sessionStorage.setItem(draftKey, field.value));
        }
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            send(newOperationId(), {
                sectionId,
                text: box.value,
                answers: answerBoxes.length ? answerBoxes.map((answer) => answer.value) : null,
                ...parsePlace(form.elements.place?.value ?? ''),
                saidBy: form.elements.saidBy?.value || null,
                findOutBy: form.elements.findOutBy?.value || null,
            });
        });
    }

    room.addEventListener('snapshot', ({ detail }) => {
        for (const section of detail.sections) {
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
            const sent = [draft.text, ...(draft.answers ?? [])];
            const fields = [form.elements.text, ...form.querySelectorAll('textarea[name="answers"]')];
            if (fields.every((field, i) => field.value === (sent[i] ?? ''))) {
                fields.forEach((field, i) => {
                    field.value = '';
                    sessionStorage.removeItem(draftKeyOf(draft.sectionId, i));
                });
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

    // What is typed in each box of a section's form, kept in this tab until it is sent: the words, then a chart's answers.
    function draftKeyOf(sectionId, box) {
        return box === 0 ? `rr-draft-${reviewId}-${sectionId}` : `rr-draft-${reviewId}-${sectionId}-${box}`;
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
        const item = fill(fromTemplate('card-template'), {
            keptOut: card.keptOutOfMinutes,
            sentBefore: card.sentBeforeMeeting,
            text: card.answers ? null : card.text,
            by: card.saidBy ? say('Board.SaidByShown', card.saidBy, card.authorName) : say('nameAndRelationship', card.authorName, card.authorRelationship),
            editedBy: card.editedBy ? say('Board.EditedBy', card.editedBy) : null,
            findOutBy: card.findOutBy ? say('Board.FindOutByShown', card.findOutBy) : null,
        });
        fillAnswers(item, card.answers);
        item.dataset.cardId = card.id;
        item.classList.toggle('card--kept-out', card.keptOutOfMinutes);
        const mine = card.authorId === me || isFacilitator;
        const control = (name) => item.querySelector(`[data-control="${name}"]`);
        item.querySelector('[data-part="controls"]').hidden = !(mine || isPerson);
        for (const name of ['edit', 'delete', 'move']) control(name).hidden = !mine;
        control('edit').addEventListener('click', () => startEditing(card));
        control('delete').addEventListener('click', () => removeCard(card));
        showMover(item, card);
        const keep = control('minutes');
        keep.hidden = !isPerson;
        keep.textContent = say(card.keptOutOfMinutes ? 'Board.PutBack' : 'Board.KeepOut');
        keep.addEventListener('click', async () => {
            await room.invoke('SetKeptOutOfMinutes', card.id, !card.keptOutOfMinutes)
                .then(() => focusControl(card.id, 'minutes'))
                .catch((failure) => announce(failure.refusal ?? say('waiting')));
        });
        return item;
    }

    function startEditing(card) {
        const item = board.querySelector(`[data-card-id="${CSS.escape(card.id)}"]`);
        const form = item.querySelector('[data-part="edit"]');
        const box = form.querySelector('textarea');
        const error = form.querySelector('.govuk-error-message');
        box.id = `edit-${card.id}`;
        form.querySelector('label').htmlFor = box.id;
        box.value = card.text;
        // A chart's card: the first box is its first column's, and one more for each other column.
        const others = form.querySelector('[data-part="editAnswers"]');
        const row = others.querySelector('[data-part="editAnswer"]');
        const answerBoxes = (card.answers ?? []).slice(1).map((answer, i) => {
            const copy = row.cloneNode(true);
            const field = copy.querySelector('textarea');
            field.id = `edit-${card.id}-${i + 1}`;
            field.value = answer.text;
            const label = copy.querySelector('label');
            label.htmlFor = field.id;
            label.textContent = answer.column;
            return copy;
        });
        others.replaceChildren(...answerBoxes);
        if (card.answers) form.querySelector('label').textContent = card.answers[0].column;
        form.querySelector('[data-control="cancel"]').addEventListener('click', () => {
            item.replaceWith(cardItem(card));
            focusControl(card.id, 'edit');
        });
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            try {
                const answers = card.answers ? [...others.querySelectorAll('textarea')].map((field) => field.value) : null;
                await room.invoke('EditCard', card.id, { ...draftOf(card), text: box.value, answers });
                focusControl(card.id, 'edit');
                status.saved();
            } catch (failure) {
                error.textContent = failure.refusal ?? say('waiting');
                error.hidden = false;
            }
        });
        for (const part of item.children) part.hidden = part !== form;
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

    // Anywhere else a card can go: the places are the server's, drawn once on the page.
    function showMover(item, card) {
        const select = item.querySelector('[data-control="move"] select');
        select.id = `move-${card.id}`;
        item.querySelector('[data-control="move"] label').htmlFor = select.id;
        const here = `${card.sectionId}|${placeOf(card)}`;
        select.append(...[...document.getElementById('card-places').content.children]
            .filter((option) => option.value !== here).map((option) => option.cloneNode(true)));
        item.querySelector('[data-control="move-go"]').addEventListener('click', async () => {
            const at = select.value.indexOf('|');
            const { perspective, working } = parsePlace(select.value.slice(at + 1));
            try {
                await room.invoke('MoveCard', card.id, select.value.slice(0, at), perspective, working);
                status.saved();
            } catch (failure) {
                announce(failure.refusal ?? say('waiting'));
            }
        });
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

function draftOf(card) {
    return { sectionId: card.sectionId, text: card.text, perspective: card.perspective, working: card.working, saidBy: card.saidBy, findOutBy: card.findOutBy };
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
