using System.Text.Json;
using StackExchange.Redis;

namespace ReviewRoom.Realtime;

/// <summary>
/// The other servers, met through Redis. Each server keeps its own connections to a review in one
/// field of the review's hash, with when they stop counting, and says so again every
/// <see cref="Heartbeat"/>: a server that dies drops out of "Here now" within half a minute. Asking
/// others to end connections goes out on a channel every server listens to. While Redis is away a
/// server knows only its own connections; changes are saved and told as ever.
/// </summary>
public sealed class RedisOtherServers(IConnectionMultiplexer redis, IServiceProvider services, TimeProvider clock, ILogger<RedisOtherServers> logger)
    : BackgroundService, IOtherServers
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Lasting = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Forgotten = TimeSpan.FromHours(1);
    private static readonly RedisChannel Ending = RedisChannel.Literal("reviewroom:end-connections");

    private readonly string _me = Guid.NewGuid().ToString("N");
    private readonly Lock _sending = new();

    public async Task<IReadOnlyList<PresentConnection>> InRoomAsync(string reviewId)
    {
        try
        {
            var now = clock.GetUtcNow();
            var servers = await redis.GetDatabase().HashGetAllAsync(KeyFor(reviewId));
            return [.. servers.Where(s => s.Name != _me).Select(s => JsonSerializer.Deserialize<Shared>(s.Value.ToString())!).Where(s => s.Until > now).SelectMany(s => s.Connections)];
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Could not ask Redis who is connected to other servers");
            return [];
        }
    }

    public async Task ShareAsync(string reviewId, Func<IReadOnlyList<PresentConnection>> onThisServer)
    {
        Task sent;
        // Read and sent under one lock: one connection sends its commands in order, so the last one Redis keeps is the newest.
        lock (_sending)
        {
            var database = redis.GetDatabase();
            var mine = onThisServer();
            sent = mine.Count == 0
                ? database.HashDeleteAsync(KeyFor(reviewId), _me)
                : Task.WhenAll(
                    database.HashSetAsync(KeyFor(reviewId), _me, JsonSerializer.Serialize(new Shared(clock.GetUtcNow() + Lasting, mine))),
                    database.KeyExpireAsync(KeyFor(reviewId), Forgotten));
        }

        try
        {
            await sent;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Could not tell Redis who is connected to this server");
        }
    }

    public async Task EndAsync(string reviewId, IReadOnlyList<string> participantIds)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Ending, JsonSerializer.Serialize(new EndRequest(_me, reviewId, participantIds)));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Could not ask the other servers to end connections to review {ReviewId}", reviewId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A server may start while Redis is away: it listens once Redis is there, and Redis's client listens again after each reconnection.
        var listening = false;
        using var beat = new PeriodicTimer(Heartbeat, clock);
        do
        {
            listening = listening || await ListenAsync();
            await services.GetRequiredService<PresenceTracker>().ShareAllAsync();
        }
        while (await beat.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> ListenAsync()
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Ending, (channel, message) => _ = EndHereAsync(JsonSerializer.Deserialize<EndRequest>(message.ToString())!));
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Could not listen for other servers' requests to end connections; trying again in {Heartbeat}", Heartbeat);
            return false;
        }
    }

    private async Task EndHereAsync(EndRequest request)
    {
        if (request.Server == _me)
        {
            return;
        }

        try
        {
            await services.GetRequiredService<HubReviewNotifier>().EndHereAsync(request.ReviewId, request.ParticipantIds);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Ending connections to review {ReviewId} asked for by another server failed", request.ReviewId);
        }
    }

    private static RedisKey KeyFor(string reviewId) => $"reviewroom:here:{reviewId}";

    private sealed record Shared(DateTimeOffset Until, IReadOnlyList<PresentConnection> Connections);

    private sealed record EndRequest(string Server, string ReviewId, IReadOnlyList<string> ParticipantIds);
}
