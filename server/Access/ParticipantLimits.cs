using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Access;

/// <summary>
/// How fast one participant may act: a token bucket each, shared by their hub calls and their form
/// posts, so nobody can flood a room whichever way they send, nor by reaching more than one server.
/// Refusals say when to try again.
/// </summary>
public sealed class ParticipantLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ParticipantLimits(IOptions<ReviewRoomOptions> options, SharedLimits shared)
    {
        Settings = options.Value.Limits;
        var tokens = Math.Max(1, (int)Math.Round(Settings.ChangesPerSecond));
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Settings.ChangeBurst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / Settings.ChangesPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(key => shared.TokenBucket($"changes:{key}", bucket));
    }

    public ChangeLimits Settings { get; }

    public static string KeyOf(string reviewId, string participantId) => $"{reviewId}/{participantId}";

    /// <summary>Null when the call may go ahead; otherwise how long until it may be tried again.</summary>
    public async Task<TimeSpan?> TryTakeAsync(string key)
    {
        // Nothing queues: an empty bucket answers at once.
        using var lease = await _limiter.AcquireAsync(key);
        return lease.IsAcquired ? null : SharedLimits.RetryAfter(lease);
    }

    public void Dispose() => _limiter.Dispose();
}
