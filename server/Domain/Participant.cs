namespace ReviewRoom.Domain;

public sealed class Participant(string id, string name, string relationship, Role role, string? invitationTokenHash, DateTimeOffset invitedAt, DateTimeOffset? expiresAt = null)
{
    public string Id { get; } = id;

    /// <summary>Where it comes in the review, counted from 1 in the order they were added.</summary>
    public int Number { get; internal set; }

    public string Name { get; } = name;
    public string Relationship { get; } = relationship;
    public Role Role { get; } = role;
    /// <summary>Only a hash of their link's secret: it is never given out, not even in everything held about the person.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? InvitationTokenHash { get; internal set; } = invitationTokenHash;

    /// <summary>How many times their link has been made again; a device that came in by an earlier one is no longer let in.</summary>
    public int LinkNumber { get; internal set; }
    public DateTimeOffset InvitedAt { get; } = invitedAt;
    public DateTimeOffset? JoinedAt { get; internal set; }

    /// <summary>After this, the invitation link no longer lets anyone in.</summary>
    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    /// <summary>Came in with the room's code and is waiting in the lobby to be let in.</summary>
    public bool Waiting { get; internal set; }

    /// <summary>For a contributor: the person chose to let them read the minutes after the review closes.</summary>
    public bool MayReadMinutes { get; internal set; }

    /// <summary>Where the minutes are sent by e-mail, if the person (or the facilitator for them) gave an address; and in which language.</summary>
    public string? Email { get; internal set; }

    public Language? EmailLanguage { get; internal set; }

    /// <summary>Removed from the review: the link stops working and they lose access at once.</summary>
    public bool Removed { get; internal set; }

    /// <summary>For a facilitator: their account, so they can open the review from any device once signed in.</summary>
    public string? AccountId { get; internal set; }
}
