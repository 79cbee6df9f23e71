namespace ReviewRoom.Domain;

public sealed class Card(string id, string sectionId, string text, string authorId, string operationId, DateTimeOffset addedAt)
{
    public string Id { get; } = id;
    public string SectionId { get; } = sectionId;
    public string Text { get; } = text;
    public string AuthorId { get; } = authorId;

    /// <summary>The client's id for the change that added this card, so a retried send adds it once.</summary>
    public string OperationId { get; } = operationId;

    public DateTimeOffset AddedAt { get; } = addedAt;
}
