// The one owner of the live connection to a review. Other modules listen for its events:
//   state       { state: 'connecting' | 'live' | 'reconnecting' | 'offline' | 'refused' }
//   snapshot    the whole board, after connecting, reconnecting, or whenever an update was missed
//   delta       every saved change, as it came (parts named as in the snapshot), then its parts:
//   card-saved, card-removed, action-saved, participants-changed, sections-changed, board-changed
//   presence-changed, traffic-lights (the cards held up now)
// Changes arrive numbered by the review's version, one each; a gap means something was missed,
// so the board is fetched afresh rather than patched.

const { HubConnectionBuilder } = window.signalR;
const retryDelays = [0, 1000, 2000, 3000, 5000];

export class RoomConnection extends EventTarget {
    #connection;
    #version;
    #state = 'connecting';
    #connecting = false;

    /** screen: connect as the read-only big screen. */
    constructor(reviewId, version, { screen = false } = {}) {
        super();
        this.#version = version;
        this.#connection = new HubConnectionBuilder()
            .withUrl(`/hubs/review?review=${encodeURIComponent(reviewId)}${screen ? '&screen=1' : ''}`)
            .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => retryDelays[Math.min(previousRetryCount, retryDelays.length - 1)] })
            .build();
        this.#connection.on('Changed', (delta) => this.#changed(delta));
        this.#connection.on('PresenceChanged', (ids) => this.#emit('presence-changed', ids));
        this.#connection.on('TrafficLightsChanged', (held) => this.#emit('traffic-lights', held));
        this.#connection.onreconnecting(() => this.#setState('reconnecting'));
        this.#connection.onreconnected(() => this.#catchUp().catch((error) => { if (error.refusal) this.#closed(error); }));
        this.#connection.onclose((error) => this.#closed(error));
        window.addEventListener('offline', () => this.#setState('offline'));
        window.addEventListener('online', () => this.#checkAfterDrop());
    }

    get state() { return this.#state; }

    start() { return this.#connect(0); }

    /** Calls a hub method. Rejects with the server's words in error.refusal, or with a lost connection. */
    async invoke(method, ...args) {
        try {
            return await this.#connection.invoke(method, ...args);
        } catch (error) {
            throw refusalOf(error);
        }
    }

    async #connect(attempt) {
        if (this.#state === 'refused') return;
        this.#connecting = true;
        this.#setState(attempt === 0 ? 'connecting' : 'offline');
        try {
            await this.#connection.start();
            await this.#catchUp();
            this.#connecting = false;
        } catch (error) {
            // Refused (removed, revoked, or never a member): trying again will not help.
            if (refusalOf(error).refusal) {
                this.#setState('refused');
                this.#connection.stop().catch(() => {});
                return;
            }
            setTimeout(() => this.#connect(attempt + 1), retryDelays[Math.min(attempt + 1, retryDelays.length - 1)]);
        }
    }

    async #catchUp() {
        let snapshot;
        try {
            snapshot = await this.#connection.invoke('GetSnapshot');
        } catch (error) {
            throw refusalOf(error);
        }
        this.#version = snapshot.version;
        this.#setState('live');
        this.#emit('snapshot', snapshot);
    }

    // The socket may have outlived a short drop, or died without anyone noticing. If it answers
    // quickly, carry on from a fresh snapshot; if not, start a new connection.
    async #checkAfterDrop() {
        if (this.#connection.state !== 'Connected') return;
        const noAnswer = new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), 3000));
        try {
            await Promise.race([this.#catchUp(), noAnswer]);
        } catch {
            await this.#connection.stop();
        }
    }

    #closed(error) {
        if (refusalOf(error).refusal) {
            this.#setState('refused');
            this.#connection.stop().catch(() => {});
        } else if (!this.#connecting) {
            this.#connect(1);
        }
    }

    #changed(delta) {
        if (delta.version <= this.#version) return;
        if (delta.version !== this.#version + 1) {
            this.#catchUp().catch(() => {});
            return;
        }
        this.#version = delta.version;
        this.#emit('delta', delta);
        for (const card of delta.cards ?? []) this.#emit('card-saved', card);
        for (const cardId of delta.removedCards ?? []) this.#emit('card-removed', cardId);
        for (const action of delta.actions ?? []) this.#emit('action-saved', action);
        if (delta.participants) this.#emit('participants-changed', delta.participants);
        if (delta.sections) this.#emit('sections-changed', delta.sections);
        if (delta.board) this.#emit('board-changed', delta.board);
    }

    #setState(state) {
        if (this.#state === 'refused' || (state === this.#state && state !== 'live')) return;
        this.#state = state;
        this.#emit('state', { state });
    }

    #emit(type, detail) {
        this.dispatchEvent(new CustomEvent(type, { detail }));
    }
}

// SignalR reports a server's refusal as "... HubException: <plain words>".
function refusalOf(error) {
    const marker = 'HubException: ';
    const message = error?.message ?? '';
    const at = message.indexOf(marker);
    const result = error instanceof Error ? error : new Error(message);
    result.refusal = at >= 0 ? message.slice(at + marker.length) : null;
    return result;
}
