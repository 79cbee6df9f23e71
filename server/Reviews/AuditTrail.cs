using System.Collections.Concurrent;
using ReviewRoom.Domain;

namespace ReviewRoom.Reviews;

/// <summary>
/// Who saw what, and who changed what: views and downloads are recorded beside the changes (which
/// <see cref="OpenReviews"/> records as it saves them), and the trail is read back, in words, by the
/// review's facilitators and the person.
/// </summary>
public sealed class AuditTrail(OpenReviews open, IReviewStore store, Accounts.IAccountStore accounts, TimeProvider clock)
{
    private const int SubjectLength = 80;
    private static readonly TimeSpan SameViewWithin = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string ReviewId, string ParticipantId, string Action), DateTimeOffset> _lastViews = new();

    /// <summary>
    /// Records that someone in the review saw or took something: "board-viewed", "minutes-downloaded".
    /// Reloading a page within a minute is the same view; every download is recorded.
    /// </summary>
    /// <param name="subject">Whom it was for, as when the minutes were e-mailed to someone.</param>
    public async Task SawAsync(string reviewId, string participantId, string action, string? subject = null)
    {
        var now = clock.GetUtcNow();
        if (action.EndsWith("-viewed", StringComparison.Ordinal))
        {
            if (_lastViews.TryGetValue((reviewId, participantId, action), out var last) && now - last < SameViewWithin)
            {
                return;
            }

            _lastViews[(reviewId, participantId, action)] = now;
            if (_lastViews.Count > 10_000)
            {
                foreach (var old in _lastViews.Where(v => now - v.Value >= SameViewWithin))
                {
                    _lastViews.TryRemove(old.Key, out _);
                }
            }
        }

        var role = await open.ReadAsync(reviewId, review => review.Participants.FirstOrDefault(p => p.Id == participantId)?.Role);
        await store.RecordAsync(new Activity(reviewId, participantId, action, now, role, subject));
    }

    /// <summary>Records what someone outside the review did to it: an administrator's export, by their account.</summary>
    public Task RecordAsync(string reviewId, string accountId, string action) => store.RecordAsync(new Activity(reviewId, accountId, action, clock.GetUtcNow()));

    /// <summary>The review's trail, newest first, with names for people and things; null for anyone but its facilitators and the person.</summary>
    public async Task<IReadOnlyList<TrailLine>?> ReadAsync(ReviewMember member)
    {
        var names = await open.ReadAsync(member.ReviewId, review => review.FindParticipant(member.ParticipantId)?.Role is Role.Facilitator or Role.Person ? NamesIn(review) : null);
        if (names is null)
        {
            return null;
        }

        await SawAsync(member.ReviewId, member.ParticipantId, "trail-viewed");
        return [.. store.TrailOf(member.ReviewId).Reverse().Select(a => new TrailLine(
            a.At,
            names.GetValueOrDefault(a.ParticipantId) ?? accounts.FindAccount(a.ParticipantId)?.Name ?? "",
            a.Role,
            a.Action,
            a.Subject is null || a.Subject == a.ParticipantId ? null : names.GetValueOrDefault(a.Subject),
            a.Before,
            a.After))];
    }

    // Each person by name, and each card and action by its first words, whether or not it is still there.
    private static Dictionary<string, string> NamesIn(Review review)
    {
        var names = new Dictionary<string, string> { [review.Id] = review.Title };
        foreach (var participant in review.Participants)
        {
            names[participant.Id] = participant.Name;
        }

        foreach (var card in review.Cards)
        {
            names[card.Id] = Shortened(card.Text);
        }

        foreach (var action in review.Actions)
        {
            names[action.Id] = Shortened(action.What);
        }

        return names;
    }

    private static string Shortened(string text) => text.Length <= SubjectLength ? text : text[..(SubjectLength - 1)] + "…";
}

/// <summary>One line of a review's trail as its page shows it.</summary>
/// <param name="Who">Their name (empty for the big screen or someone never named).</param>
/// <param name="Subject">The card's or action's first words, or the person's name, it was done to.</param>
public sealed record TrailLine(DateTimeOffset At, string Who, Role? Role, string Action, string? Subject, string? Before, string? After);
