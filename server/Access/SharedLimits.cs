using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace ReviewRoom.Access;

/// <summary>
/// The rate limits' buckets and windows: in this server's memory when it is on its own; with more
/// than one server, in Redis, so every server holds a caller to the same one, falling back on this
/// server's own while Redis is away, so nobody is refused, or let through unlimited, for its absence.
/// </summary>
public sealed class SharedLimits(ILogger<SharedLimits> logger, IConnectionMultiplexer? redis = null)
{
    private volatile bool _away;

    public RateLimitPartition<string> TokenBucket(string key, TokenBucketRateLimiterOptions bucket) =>
        RateLimitPartition.Get(key, k => SharedOrOwn(
            redis is null ? null : new RedisTokenBucketRateLimiter<string>($"reviewroom:bucket:{k}", new RedisTokenBucketRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                TokenLimit = bucket.TokenLimit,
                TokensPerPeriod = bucket.TokensPerPeriod,
                ReplenishmentPeriod = bucket.ReplenishmentPeriod,
            }),
            new TokenBucketRateLimiter(bucket)));

    public RateLimitPartition<string> FixedWindow(string key, FixedWindowRateLimiterOptions window) =>
        RateLimitPartition.Get(key, k => SharedOrOwn(
            redis is null ? null : new RedisFixedWindowRateLimiter<string>($"reviewroom:window:{k}", new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                PermitLimit = window.PermitLimit,
                Window = window.Window,
            }),
            new FixedWindowRateLimiter(window)));

    /// <summary>When a refused caller may try again, as the in-memory or the Redis limiter tells it.</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter
        : lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(Math.Max(1, seconds))
        : TimeSpan.FromSeconds(1);

    private RateLimiter SharedOrOwn(RateLimiter? shared, RateLimiter own) => shared is null ? own : new Fallback(shared, own, this);

    private void Reached() => _away = false;

    private void Away(Exception e)
    {
        // Said once when Redis goes, not for every call while it is away.
        if (!_away)
        {
            _away = true;
            logger.LogWarning("Redis is away: rate limits are counted by each server on its own until it is back ({Reason})", e.Message);
        }
    }

    private sealed class Fallback(RateLimiter shared, RateLimiter own, SharedLimits limits) : RateLimiter
    {
        public override TimeSpan? IdleDuration => shared.IdleDuration is { } a && own.IdleDuration is { } b ? (a < b ? a : b) : null;

        public override RateLimiterStatistics? GetStatistics() => own.GetStatistics();

        // Redis cannot be asked without waiting: a refusal here sends the caller on to AcquireAsync.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => shared.AttemptAcquire(permitCount);

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            try
            {
                var lease = await shared.AcquireAsync(permitCount, cancellationToken);
                limits.Reached();
                return lease;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                limits.Away(e);
                return await own.AcquireAsync(permitCount, cancellationToken);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                shared.Dispose();
                own.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
