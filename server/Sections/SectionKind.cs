using System.Text.Json;
using System.Text.Json.Serialization;
using ReviewRoom.Domain;
using ReviewRoom.Minutes;
using ReviewRoom.Reviews;

namespace ReviewRoom.Sections;

/// <summary>Words in the reader's language, by their key in the resources: the one way a kind says anything.</summary>
public delegate string Say(string key, params object[] arguments);

/// <summary>
/// What a section holds, named in a template by <c>kind=…</c>. Each kind is one class in its own folder
/// here, beside the partial views that draw it on the board and the big screen: what it accepts, how its
/// minutes read, and how it is drawn are all said there, and nowhere else.
/// </summary>
[JsonConverter(typeof(SectionKindJson))]
public abstract class SectionKind
{
    public static readonly SectionKind Cards = new CardsKind();
    public static readonly SectionKind Grid = new GridKind();
    public static readonly SectionKind Actions = new ActionsKind();
    public static readonly SectionKind Questions = new QuestionsKind();
    public static readonly SectionKind Path = new PathKind();
    public static readonly SectionKind Choice = new ChoiceKind();
    public static readonly SectionKind Rings = new RingsKind();
    public static readonly SectionKind Chart = new ChartKind();
    public static readonly SectionKind Maps = new MapsKind();

    /// <summary>Every kind, by the name a template gives it.</summary>
    public static IReadOnlyList<SectionKind> All { get; } = [Cards, Grid, Actions, Questions, Path, Choice, Rings, Chart, Maps];

    /// <summary>The kind a template or a stored review names, in any case; null for none.</summary>
    public static SectionKind? Named(string? name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>As written in a template: <c>kind=grid</c>.</summary>
    public abstract string Name { get; }

    public virtual bool TakesCards => false;
    public virtual bool TakesActions => false;
    public virtual bool TakesAChoice => false;

    /// <summary>A card here can say who will find out.</summary>
    public virtual bool AsksWhoFindsOut => false;

    /// <summary>Quiet writing is for sections of cards.</summary>
    public bool HasQuietWriting => TakesCards;

    /// <summary>What a template must list under the heading (a grid's perspectives, say), in a sentence for its author; null when nothing.</summary>
    public virtual string? OptionsNeeded => null;

    /// <summary>The picture beside this section's rows in the easy-read minutes, as an OpenMoji code.</summary>
    public virtual string EasyReadPicture => "1F4AC";

    /// <summary>The partial view that draws the section's body on the board, with its forms.</summary>
    public abstract string BoardPartial { get; }

    /// <summary>The partial view that draws the section's body on the big screen.</summary>
    public abstract string ScreenPartial { get; }

    /// <summary>
    /// When the big screen draws the whole review as one picture of this kind's parts (a PATH, MAPS):
    /// the picture's name, which its styles go by; null to show one section at a time.
    /// </summary>
    public virtual string? Drawing => null;

    /// <summary>How many answers a card here holds besides its words (a chart's columns after the first); none in most kinds.</summary>
    public virtual int AnswersAfterText(int options) => 0;

    /// <summary>
    /// Where in this section a card goes, from the place its draft names (a grid's perspective and column);
    /// false when it names none of the section's places.
    /// </summary>
    public virtual bool TryPlace(Section section, string? perspective, bool? working, out GridCell? cell)
    {
        cell = null;
        return false;
    }

    /// <summary>The places a card can go in this section, each with its form value and its name there (null when the section is one list).</summary>
    public virtual IEnumerable<SectionPlace> Places(SectionView section, Say say) => [];

    public abstract void WriteMinutes(SectionMinutes minutes, SectionView section);

    public abstract void WriteEasyRead(EasyReadSection page, SectionView section);

    public override string ToString() => Name;
}

/// <summary>One place a card can go: its form value ("working|Family"), and its name in the section, or null.</summary>
public sealed record SectionPlace(string Value, string? Label);

/// <summary>A kind travels as its name.</summary>
public sealed class SectionKindJson : JsonConverter<SectionKind>
{
    public override SectionKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SectionKind.Named(reader.GetString()) ?? throw new JsonException($"There is no section kind \"{reader.GetString()}\".");

    public override void Write(Utf8JsonWriter writer, SectionKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}
