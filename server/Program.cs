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
app.MapReviewRoom();
app.Run();
