namespace ReviewRoom.Mail;

/// <summary>One e-mail to one person: nobody else's address is on it.</summary>
public sealed record Letter(string ToName, string ToAddress, string Subject, string Body, IReadOnlyList<Enclosure> Enclosures);

public sealed record Enclosure(string FileName, string MediaType, byte[] Content);
