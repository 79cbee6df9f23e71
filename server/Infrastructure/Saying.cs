using Microsoft.Extensions.Localization;
using ReviewRoom.Sections;

namespace ReviewRoom.Infrastructure;

public static class Saying
{
    /// <summary>The resources as the section kinds speak: a key and its arguments, in the current language.</summary>
    public static Say Say(this IStringLocalizer text) => (key, arguments) => text[key, arguments];
}
