using ReviewRoom.Domain;
using ReviewRoom.Sections;

namespace ReviewRoom.Minutes;

/// <summary>
/// The pictures of the easy-read minutes: OpenMoji symbols (CC BY-SA 4.0), by their code, chosen for
/// each part, each section kind and each state of an action. The build copies exactly these from the
/// openmoji npm package into wwwroot/lib/openmoji; the list there is checked against this one.
/// </summary>
public static class EasyReadPictures
{
    public const string Date = "1F4C5";
    public const string Place = "1F4CD";
    public const string Person = "1F9D1";
    public const string CouldNotCome = "1F4E8";
    public const string Working = "1F44D";
    public const string NotWorking = "1F44E";
    public const string Who = "1F9D1";
    public const string When = "1F4C5";
    public const string NextReview = "1F4C6";
    public const string SignedOff = "270D";

    private static readonly Dictionary<string, string> BySection = new(StringComparer.Ordinal)
    {
        ["like-and-admire"] = "2B50",
        ["important-to-now"] = "1F60A",
        ["important-to-future"] = "1F308",
        ["dreams"] = "1F308",
        ["important-for"] = "1FA7A",
        ["north-star"] = "1F31F",
        ["goal"] = "1F3AF",
        ["now"] = "1F4CD",
        ["enrol"] = "1F91D",
        ["getting-stronger"] = "1F4AA",
        ["next-months"] = "1F5D3",
        ["first-steps"] = "1F463",
        ["doughnut"] = "1F369",
    };

    private static readonly Dictionary<ActionStatus, string> ByStatus = new()
    {
        [ActionStatus.Open] = "23F3",
        [ActionStatus.Done] = "2705",
        [ActionStatus.PartlyDone] = "1F6A7",
        [ActionStatus.NotDone] = "274C",
        [ActionStatus.Dropped] = "1F6AB",
    };

    /// <summary>Every picture the easy-read minutes can show.</summary>
    public static IEnumerable<string> All =>
        new[] { Date, Place, Person, CouldNotCome, Working, NotWorking, Who, When, NextReview, SignedOff }
            .Concat(BySection.Values).Concat(SectionKind.All.Select(k => k.EasyReadPicture)).Concat(ByStatus.Values).Distinct();

    public static string For(string sectionId, SectionKind kind) => BySection.GetValueOrDefault(sectionId) ?? kind.EasyReadPicture;

    public static string For(ActionStatus status) => ByStatus[status];
}
