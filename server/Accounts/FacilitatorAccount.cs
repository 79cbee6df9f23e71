namespace ReviewRoom.Accounts;

/// <summary>Someone who may run reviews: signs in with an email address and a password.</summary>
public sealed class FacilitatorAccount(string id, string email, string name, bool isAdministrator, DateTimeOffset createdAt)
{
    public string Id { get; } = id;
    public string Email { get; } = email;
    public string Name { get; } = name;
    public bool IsAdministrator { get; } = isAdministrator;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public string PasswordHash { get; set; } = "";
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public bool Removed { get; set; }

    /// <summary>Their account at the organisation's provider ("issuer|subject"), bound the first time they sign in with it.</summary>
    public string? OrganisationSubject { get; set; }
}
