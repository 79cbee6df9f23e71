using Microsoft.AspNetCore.SignalR;
using ReviewRoom.Domain;

namespace ReviewRoom.Realtime;

/// <summary>One live connection to a review's room, on whichever server holds it.</summary>
public sealed record PresentConnection(string ConnectionId, string ParticipantId, bool IsScreen, Language Language);

/// <summary>
/// Who has a live connection to each review, for the "Here now" list, and so a removed participant's
/// connections, big screens included, can be ended. One person may have several tabs, and with more
/// than one server, tabs on several servers: this server keeps its own, and tells the others.
/// </summary>
public sealed class PresenceTracker(IOtherServers others)
{
    private readonly Dictionary<string, Dictionary<string, (PresentConnection Present, HubCallerContext Connection)>> _connections = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// Records a connection, unless the participant already has <paramref name="most"/> of them: then null.
    /// Counted and recorded under one lock, so tabs opened at the same moment on this server cannot pass
    /// the limit together. A big screen's connection is kept (so it can be ended) but is nobody in "Here now".
    /// </summary>
    public async Task<IReadOnlyList<string>?> TryArriveAsync(string reviewId, HubCallerContext connection, PresentConnection present, int most)
    {
        var elsewhere = await others.InRoomAsync(reviewId);
        lock (_gate)
        {
            if (!_connections.TryGetValue(reviewId, out var review))
            {
                _connections[reviewId] = review = [];
            }

            if (review.Values.Count(c => c.Present.ParticipantId == present.ParticipantId) + elsewhere.Count(c => c.ParticipantId == present.ParticipantId) >= most)
            {
                return null;
            }

            review[connection.ConnectionId] = (present, connection);
        }

        await ShareAsync(reviewId);
        return Here([.. HereOnThisServer(reviewId), .. elsewhere]);
    }

    public async Task LeaveAsync(string reviewId, string connectionId)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(reviewId, out var review) && review.Remove(connectionId) && review.Count == 0)
            {
                _connections.Remove(reviewId);
            }
        }

        await ShareAsync(reviewId);
    }

    /// <summary>The participants here now, on every server, screens left out.</summary>
    public async Task<IReadOnlyList<string>> HereAsync(string reviewId) => Here(await InRoomAsync(reviewId));

    /// <summary>Every live connection to the review's room, on every server.</summary>
    public async Task<IReadOnlyList<PresentConnection>> InRoomAsync(string reviewId) => [.. HereOnThisServer(reviewId), .. await others.InRoomAsync(reviewId)];

    /// <summary>A participant's live connections to a review on this server, which only this server can end.</summary>
    public IReadOnlyList<(HubCallerContext Connection, PresentConnection Present)> OnThisServer(string reviewId, string participantId)
    {
        lock (_gate)
        {
            return _connections.TryGetValue(reviewId, out var review)
                ? [.. review.Values.Where(c => c.Present.ParticipantId == participantId).Select(c => (c.Connection, c.Present))]
                : [];
        }
    }

    /// <summary>Tells the other servers again who is here on this one, so they know this server is still alive.</summary>
    public async Task ShareAllAsync()
    {
        string[] reviews;
        lock (_gate)
        {
            reviews = [.. _connections.Keys];
        }

        foreach (var reviewId in reviews)
        {
            await ShareAsync(reviewId);
        }
    }

    private Task ShareAsync(string reviewId) => others.ShareAsync(reviewId, () => HereOnThisServer(reviewId));

    private PresentConnection[] HereOnThisServer(string reviewId)
    {
        lock (_gate)
        {
            return _connections.TryGetValue(reviewId, out var review) ? [.. review.Values.Select(c => c.Present)] : [];
        }
    }

    private static string[] Here(IEnumerable<PresentConnection> connections) =>
        [.. connections.Where(c => !c.IsScreen).Select(c => c.ParticipantId).Distinct().Order(StringComparer.Ordinal)];
}
