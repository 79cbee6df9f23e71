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

// Asked for a backup, or to move up to PostgreSQL, the server does that instead of starting.
if (await ReviewRoom.Storage.StoreCommands.RunAsync(args, app.Services) is { } exitCode)
{
    return exitCode;
}

app.MapReviewRoom();
app.Run();
return 0;
