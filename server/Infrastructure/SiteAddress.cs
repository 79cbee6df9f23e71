using Microsoft.Extensions.Options;

namespace ReviewRoom.Infrastructure;

/// <summary>
/// Where people reach ReviewRoom, for every link and QR code it hands out: the configured public
/// address (behind a proxy, the one people type), else the address this request came to, as the
/// forwarded headers of a trusted proxy say it.
/// </summary>
public static class SiteAddress
{
    public static string Of(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IOptions<ReviewRoomOptions>>().Value.PublicAddress;
        return configured is { Length: > 0 } ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
    }

    /// <summary>The address without its scheme, as it is read out and typed: "reviews.example.org".</summary>
    public static string Typed(HttpRequest request) => new Uri(Of(request)).Authority;
}
