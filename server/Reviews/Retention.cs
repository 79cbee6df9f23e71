using Microsoft.Extensions.Options;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Reviews;

/// <summary>
/// With a retention period set (ReviewRoom:RetentionMonths), deletes closed reviews whose meeting was
/// longer ago than that, once a day and when the server starts. Each deletion is recorded; open
/// reviews are never removed, however old.
/// </summary>
public sealed class Retention(IReviewStore store, ReviewService reviews, IOptions<ReviewRoomOptions> options, TimeProvider clock, ILogger<Retention> logger) : BackgroundService
{
    public const string By = "retention";

    /// <summary>Deletes what has outlived the retention period; returns how many reviews.</summary>
    public async Task<int> ApplyAsync()
    {
        if (options.Value.RetentionMonths is not { } months)
        {
            return 0;
        }

        var keepFrom = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(-months);
        List<string> expired = [.. store.AllSummaries().Where(r => r.IsClosed && r.Date < keepFrom).Select(r => r.Id)];
        if (expired.Count > 0)
        {
            await reviews.DeleteAsync(expired, By, "review-removed-after-retention");
            logger.LogInformation("{Count} closed reviews older than {Months} months were deleted, as the retention setting says", expired.Count, months);
        }

        return expired.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        do
        {
            try
            {
                await ApplyAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Deleting reviews past the retention period failed; it is tried again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
