using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Access;

/// <summary>
/// The doors that can be guessed at: signing in, setting up, joining by code, and the lobby. Each
/// address may post to them only so often (an IPv6 address counts by its /64, as one household or
/// office has many), so nobody can grind through passwords, codes or setup from one place, while a
/// room of people behind one Wi-Fi can still all come in. An invitation link is not guessable, so
/// joining by link is not held back. A refusal is the too-fast page with when to try again.
/// With more than one server the counts are kept in Redis, so each server holds the same line.
/// </summary>
public static class AccessLimits
{
    public const string Policy = "doors";

    /// <summary>The pages behind the doors, by their Razor Pages names.</summary>
    public static readonly string[] Pages = ["/Account/SignIn", "/Account/Setup", "/Join/Code", "/Lobby/Index"];

    public static IServiceCollection AddAccessLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method) ? DoorFor(http) : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = (context, _) =>
            {
                var retryAfter = SharedLimits.RetryAfter(context.Lease);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });

    private static RateLimitPartition<string> DoorFor(HttpContext http)
    {
        var perMinute = http.RequestServices.GetRequiredService<IOptions<ReviewRoomOptions>>().Value.Limits.DoorPostsPerMinute;
        return http.RequestServices.GetRequiredService<SharedLimits>().FixedWindow($"doors:{AddressOf(http)}", new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    /// <summary>Who is knocking: the address, or for IPv6 its /64.</summary>
    public static string AddressOf(HttpContext http)
    {
        if (http.Connection.RemoteIpAddress is not { } address)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
