using System.Reflection;
using LiteDB;
using ReviewRoom.Access;
using ReviewRoom.Accounts;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.Sections;

namespace ReviewRoom.Storage;

/// <summary>
/// How what is stored maps to documents, once for every engine: LiteDB keeps the documents as they
/// are, PostgreSQL as JSON of the same documents.
/// </summary>
public static class StoredShapes
{
    public static BsonMapper Mapper()
    {
        // LiteDB would hand DateTimes back in local time and knows no DateOnly: times are UTC ticks, dates day numbers.
        // Words are kept exactly as said: LiteDB would otherwise trim them and store "" as null.
        var mapper = new BsonMapper { TrimWhitespace = false, EmptyStringToNull = false };
        mapper.RegisterType<DateTimeOffset>(at => new BsonValue(at.UtcTicks), value => new DateTimeOffset(value.AsInt64, TimeSpan.Zero));
        mapper.RegisterType<DateOnly>(date => new BsonValue(date.DayNumber), value => DateOnly.FromDayNumber(value.AsInt32));
        mapper.RegisterType<TimeOnly>(time => new BsonValue(time.Ticks), value => new TimeOnly(value.AsInt64));
        // A template's words in each language; reviews saved before Welsh came have English words only, as a string.
        mapper.RegisterType<Words>(
            words => new BsonDocument { ["en"] = words.English, ["cy"] = words.Welsh is null ? BsonValue.Null : new BsonValue(words.Welsh) },
            value => value.IsString ? new Words(value.AsString) : new Words(value["en"].AsString, value["cy"].IsNull ? null : value["cy"].AsString));

        // A section's kind by its name; reviews saved before kinds were classes have it as "Grid", which reads the same.
        mapper.RegisterType<SectionKind>(kind => new BsonValue(kind.Name), value => SectionKind.Named(value.AsString) ?? throw new InvalidDataException($"A stored section is of the kind \"{value.AsString}\", which this version does not know."));

        // LiteDB builds a type's mapping the first time it meets the type, and another thread can see
        // it half built (fields missing, or "collection was modified"). Build every stored type's now, on one thread.
        var build = typeof(BsonMapper).GetMethod("GetEntityMapper", BindingFlags.Instance | BindingFlags.NonPublic)!;
        Type[] stored =
        [
            typeof(ReviewRecord), typeof(Section), typeof(SectionState), typeof(Apology), typeof(SignOff), typeof(ReviewSummary),
            typeof(Participant), typeof(Card), typeof(GridCell), typeof(ActionItem), typeof(Activity), typeof(FacilitatorAccount),
        ];
        foreach (var type in stored)
        {
            build.Invoke(mapper, [type]);
        }

        return mapper;
    }

    /// <summary>A join-code count as a document, found by its key.</summary>
    public static BsonDocument Document(JoinCodeTries tries) =>
        new() { ["_id"] = tries.Key, ["wrong"] = tries.Wrong, ["since"] = tries.Since.UtcTicks, ["slowUntil"] = tries.SlowUntil.UtcTicks };

    public static JoinCodeTries Tries(BsonDocument document) =>
        new(document["_id"].AsString, document["wrong"].AsInt64, At(document["since"]), At(document["slowUntil"]));

    private static DateTimeOffset At(BsonValue ticks) => new(ticks.AsInt64, TimeSpan.Zero);
}
