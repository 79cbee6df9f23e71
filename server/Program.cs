using ReviewRoom.Infrastructure;

// Published, wwwroot/ sits beside the app; under `dotnet run` it comes from the top-level folder.
var publishedWebRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = Directory.Exists(publishedWebRoot) ? AppContext.BaseDirectory : null,
});
builder.WebHost.UseStaticWebAssets();
builder.AddReviewRoom();

var app = builder.Build();

// `--backup PATH`: a copy of the database to PATH, made with the server stopped (while it runs, from Backups in administration).
if (Array.IndexOf(args, "--backup") is var at and >= 0)
{
    if (at + 1 >= args.Length)
    {
        Console.Error.WriteLine("Say where the backup goes: --backup /path/to/backup.db");
        return 2;
    }

    var path = Path.GetFullPath(args[at + 1]);
    try
    {
        var store = app.Services.GetService<ReviewRoom.Storage.LiteDbStore>()
            ?? throw new InvalidOperationException("This server keeps its reviews in PostgreSQL: back them up with pg_dump.");
        await store.BackUpAsync(path);
    }
    catch (Exception e) when (e is InvalidOperationException or IOException)
    {
        Console.Error.WriteLine($"No backup was made: {e.Message}");
        return 1;
    }

    Console.WriteLine($"Backup written to {path}");
    return 0;
}

app.MapReviewRoom();
app.Run();
return 0;
