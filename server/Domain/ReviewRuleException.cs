namespace ReviewRoom.Domain;

/// <summary>A change the rules refuse. Carries every broken rule so a form can show them all at once.</summary>
public sealed class ReviewRuleException(IReadOnlyList<ReviewError> errors)
    : Exception($"Refused: {string.Join(", ", errors)}")
{
    public ReviewRuleException(ReviewError error) : this([error]) { }

    public IReadOnlyList<ReviewError> Errors { get; } = errors;
}
