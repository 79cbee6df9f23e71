using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Access;

/// <summary>
/// How fast one participant may act: a token bucket each, shared by their hub calls and their form
/// posts, so nobody can flood a room whichever way they send. Refusals say when to try again.
/// With more than one server the buckets are kept in Redis, so a second tab on another server
/// shares the same bucket.
/// </summary>
public sealed class ParticipantLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly PartitionedRateLimiter<string>? _shared;
    private readonly ILogger<ParticipantLimits> _logger;
    private volatile bool _redisAway;

    public ParticipantLimits(IOptions<ReviewRoomOptions> options, ILogger<ParticipantLimits> logger, IConnectionMultiplexer? redis = null)
    {
        _logger = logger;
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
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => bucket));
        _shared = redis is null ? null : PartitionedRateLimiter.Create<string, string>(key =>
            RedisRateLimitPartition.GetTokenBucketRateLimiter($"reviewroom:changes:{key}", _ => new RedisTokenBucketRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                TokenLimit = bucket.TokenLimit,
                TokensPerPeriod = bucket.TokensPerPeriod,
                ReplenishmentPeriod = bucket.ReplenishmentPeriod,
            }));
    }

    public ChangeLimits Settings { get; }

    public static string KeyOf(string reviewId, string participantId) => $"{reviewId}/{participantId}";

    /// <summary>Null when the call may go ahead; otherwise how long until it may be tried again.</summary>
    public async Task<TimeSpan?> TryTakeAsync(string key)
    {
        // Nothing queues: an empty bucket answers at once.
        using var lease = await SharedOrOwnAsync(key);
        return lease.IsAcquired ? null : RetryAfter(lease);
    }

    /// <summary>The bucket every server shares; while Redis is away, this server's own.</summary>
    private async ValueTask<RateLimitLease> SharedOrOwnAsync(string key)
    {
        if (_shared is not null)
        {
            try
            {
                var lease = await _shared.AcquireAsync(key);
                _redisAway = false;
                return lease;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Said once when Redis goes, not for every call while it is away.
                if (!_redisAway)
                {
                    _redisAway = true;
                    _logger.LogWarning("Redis is away: each participant is held to this server's own bucket until it is back ({Reason})", e.Message);
                }
            }
        }

        return await _limiter.AcquireAsync(key);
    }

    /// <summary>When a refused caller may try again, as the in-memory or the Redis limiter tells it.</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter
        : lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(Math.Max(1, seconds))
        : TimeSpan.FromSeconds(1);

    public void Dispose()
    {
        _limiter.Dispose();
        _shared?.Dispose();
    }
}
