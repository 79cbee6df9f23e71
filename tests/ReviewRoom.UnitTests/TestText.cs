using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ReviewRoom.UnitTests;

/// <summary>The app's real resources, as the server reads them, in the language the test then speaks.</summary>
internal static class TestText
{
    public static IStringLocalizer<SharedResource> English() => In("en-GB");

    public static IStringLocalizer<SharedResource> Welsh() => In("cy-GB");

    private static StringLocalizer<SharedResource> In(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new StringLocalizer<SharedResource>(factory);
    }
}
