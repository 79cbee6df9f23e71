using System.Globalization;
using Microsoft.Extensions.Localization;
using ReviewRoom.Domain;

namespace ReviewRoom.Infrastructure;

/// <summary>Plain words for a broken rule, in the reader's language.</summary>
public sealed class ReviewErrorText(IStringLocalizer<SharedResource> text)
{
    public string For(ReviewError error) => text[$"Error.{error}", LimitOf(error).ToString("N0", CultureInfo.CurrentCulture)];

    public string For(ReviewRuleException refusal) => string.Join(" ", refusal.Errors.Select(For));

    private static int LimitOf(ReviewError error) => error switch
    {
        ReviewError.PersonNameTooLong => Limits.PersonNameLength,
        ReviewError.TitleTooLong => Limits.TitleLength,
        ReviewError.NameTooLong => Limits.NameLength,
        ReviewError.RelationshipTooLong => Limits.RelationshipLength,
        ReviewError.CardTooLong or ReviewError.AgreedByTooLong or ReviewError.ReasonTooLong or ReviewError.ContributionTooLong => Limits.CardLength,
        ReviewError.PlaceTooLong => Limits.PlaceLength,
        ReviewError.ReferenceTooLong => Limits.ReferenceLength,
        ReviewError.SaidByTooLong or ReviewError.FindOutByTooLong or ReviewError.ActionOwnerTooLong => Limits.NameLength,
        ReviewError.ActionWhatTooLong or ReviewError.NoteTooLong => Limits.ActionLength,
        _ => 0,
    };
}
