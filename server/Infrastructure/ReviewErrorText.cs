using System.Globalization;
using Humanizer;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ReviewRoom.Domain;

namespace ReviewRoom.Infrastructure;

/// <summary>Plain words for a broken rule, in the reader's language.</summary>
public sealed class ReviewErrorText(IStringLocalizer<SharedResource> text, IOptions<ReviewRoomOptions> options)
{
    public string For(ReviewError error) =>
        text[$"Error.{error}", [.. LimitsOf(error, options.Value.Limits.ConnectionsPerParticipant).Select(limit => limit.ToString("N0", CultureInfo.CurrentCulture))]];

    public string For(ReviewRuleException refusal) => string.Join(" ", refusal.Errors.Distinct().Select(For));

    /// <summary>Refused for going faster than a person can: how fast they may go, and how long until they may try again.</summary>
    public string TooFast(int burst, double perSecond, TimeSpan retryAfter) =>
        text["Error.TooFast", burst, perSecond.ToString("0.#", CultureInfo.CurrentCulture),
            TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))).Humanize(culture: CultureInfo.CurrentUICulture)];

    private static int[] LimitsOf(ReviewError error, int connectionsPerParticipant) => error switch
    {
        ReviewError.PersonNameTooLong => [Limits.PersonNameLength],
        ReviewError.TitleTooLong => [Limits.TitleLength],
        ReviewError.NameTooLong => [Limits.NameLength],
        ReviewError.RelationshipTooLong => [Limits.RelationshipLength],
        ReviewError.CardTooLong or ReviewError.AgreedByTooLong or ReviewError.ReasonTooLong or ReviewError.ContributionTooLong => [Limits.CardLength],
        ReviewError.PlaceTooLong => [Limits.PlaceLength],
        ReviewError.ReferenceTooLong => [Limits.ReferenceLength],
        ReviewError.SaidByTooLong or ReviewError.FindOutByTooLong or ReviewError.ActionOwnerTooLong => [Limits.NameLength],
        ReviewError.ActionWhatTooLong or ReviewError.NoteTooLong => [Limits.ActionLength],
        ReviewError.BoardFull => [Limits.CardsOnBoard, Limits.TextOnBoard],
        ReviewError.ActionsFull => [Limits.Actions],
        ReviewError.ReviewFull => [Limits.Participants],
        ReviewError.ApologiesFull => [Limits.Apologies],
        ReviewError.MinutesEmailedEnough => [Limits.MinutesEmailed],
        ReviewError.TooManyConnections => [connectionsPerParticipant],
        _ => [],
    };
}
