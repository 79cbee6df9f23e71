using ReviewRoom.Accounts;
using ReviewRoom.Realtime;
using ReviewRoom.Reviews;
using ReviewRoom.Templates;

namespace ReviewRoom.Infrastructure;

public static class ReviewRoomEndpoints
{
    public static WebApplication MapReviewRoom(this WebApplication app)
    {
        // Fail at start-up, not on the first visitor, if the templates or the database cannot be read.
        app.Services.GetRequiredService<TemplateCatalog>();
        app.Services.GetRequiredService<IReviewStore>();
        app.Services.GetRequiredService<SetupCode>();
        if (string.IsNullOrEmpty(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReviewRoomOptions>>().Value.KeysCertificate))
        {
            app.Logger.LogWarning("The keys that sign everyone's cookies are kept unencrypted beside the reviews (in the data folder, or the database): anyone with a copy could sign in as anyone. Set ReviewRoom:KeysCertificate to a .pfx file to encrypt them.");
        }

        if (app.Services.GetRequiredService<Access.SiteCookies>() is { AlwaysSecure: false } && !app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning("ReviewRoom:AllowPlainHttp is on: cookies go without Secure, so anyone on the network path could read and use them. Use it only to try ReviewRoom out on one machine.");
        }

        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseCookiePolicy();
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.UseMiddleware<SecurityHeaders>();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ReviewHub.Path), room => room.UseMiddleware<HubOriginCheck>());

        // Every endpoint the app has.
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapHub<ReviewHub>(ReviewHub.Path);
        app.MapHealthChecks("/health");
        return app;
    }
}
