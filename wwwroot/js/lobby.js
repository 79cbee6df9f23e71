// The lobby asks every few seconds whether you have been let in, and takes you to the board when you are.
const status = document.getElementById('lobby');

if (status) {
    setInterval(async () => {
        const response = await fetch(status.dataset.statusUrl, { headers: { Accept: 'application/json' } }).catch(() => null);
        if (!response?.ok) return;
        const { state, board } = await response.json();
        if (state === 'LetIn') location.assign(board);
        if (state === 'TurnedAway') location.reload();
    }, 2000);
}
