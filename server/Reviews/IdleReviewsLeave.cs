namespace ReviewRoom.Reviews;

/// <summary>Once a minute, lets go of the reviews nobody is using, so memory stays bounded however many reviews there are.</summary>
public sealed class IdleReviewsLeave(OpenReviews open, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            open.LeaveIdle();
        }
    }
}
