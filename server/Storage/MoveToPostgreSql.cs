using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ReviewRoom.Storage;

/// <summary>
/// Moving up from one server's LiteDB file to PostgreSQL: every review, account, invitation, trail
/// line and join-code count is copied as it is, into an empty database, with the server stopped; and
/// the keys that signed everyone's cookies, so nobody is signed out of anything by the move.
/// </summary>
public static class MoveToPostgreSql
{
    public static async Task<(int Reviews, int Accounts, int TrailLines)> CopyAsync(LiteDbStore from, IXmlRepository fromKeys, PostgreSqlStore to)
    {
        if (to.AllSummaries().Count > 0 || to.AnyAccounts())
        {
            throw new InvalidOperationException("The PostgreSQL database already holds reviews or accounts: copy only into an empty one.");
        }

        var reviews = from.AllSummaries();
        foreach (var summary in reviews)
        {
            await to.ImportAsync(from.Find(summary.Id)!);
        }

        var accounts = from.Accounts();
        foreach (var account in accounts)
        {
            await to.ImportAsync(account);
        }

        var trail = from.WholeTrail();
        await to.ImportAsync(trail);
        await to.SaveTriesAsync(from.LoadTries(), forgetBefore: DateTimeOffset.MinValue);
        foreach (var key in fromKeys.GetAllElements())
        {
            to.StoreElement(key, $"key-{key.Attribute("id")?.Value}");
        }

        return (reviews.Count, accounts.Count, trail.Count);
    }
}
