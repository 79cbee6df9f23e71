using StackExchange.Redis;

namespace ReviewRoom.Realtime;

/// <summary>
/// The cards held up, in Redis, so everyone sees the same cards whichever server they are on. A
/// review's cards are forgotten a day after the last one was held up, should every holder's server die.
/// </summary>
public sealed class RedisTrafficLights(IConnectionMultiplexer redis, ILogger<RedisTrafficLights> logger) : ITrafficLights
{
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(1);

    public async Task<IReadOnlyList<HeldUp>> HoldAsync(string reviewId, string participantId, TrafficLight? light)
    {
        var database = redis.GetDatabase();
        if (light is { } shown)
        {
            await database.HashSetAsync(KeyFor(reviewId), participantId, shown.ToString());
            await database.KeyExpireAsync(KeyFor(reviewId), Forgotten);
        }
        else
        {
            await database.HashDeleteAsync(KeyFor(reviewId), participantId);
        }

        return await HeldInAsync(reviewId);
    }

    /// <summary>While Redis is away, no cards: someone coming into the room still comes in.</summary>
    public async Task<IReadOnlyList<HeldUp>> HeldInAsync(string reviewId)
    {
        try
        {
            return HeldUp.InOrder((await redis.GetDatabase().HashGetAllAsync(KeyFor(reviewId)))
                .Select(h => new HeldUp(h.Name.ToString(), Enum.Parse<TrafficLight>(h.Value.ToString()))));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Could not read the cards held up in review {ReviewId} from Redis", reviewId);
            return [];
        }
    }

    public Task<bool> PutDownAsync(string reviewId, string participantId) => redis.GetDatabase().HashDeleteAsync(KeyFor(reviewId), participantId);

    private static RedisKey KeyFor(string reviewId) => $"reviewroom:lights:{reviewId}";
}
