using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReviewRoom.Storage;

/// <summary>Unhealthy while the store cannot write; once a write has failed, each check tries a small one to see whether the disk takes writes again.</summary>
public sealed class StoreHealthCheck(IStoreHealth store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store.CanWrite)
        {
            return HealthCheckResult.Healthy();
        }

        try
        {
            await store.ProbeAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database cannot be written to.", e);
        }
    }
}
