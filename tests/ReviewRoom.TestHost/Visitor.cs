using System.Net;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewRoom.TestHost;

/// <summary>One person's browser, without the browser: cookies, forms with their antiforgery token, and a hub connection.</summary>
public sealed partial class Visitor(IRunningApp app, CookieContainer cookies) : IAsyncDisposable
{
    private readonly CookieContainer _cookies = cookies;
    private readonly List<HubConnection> _connections = [];
    private HttpClient? _http;

    public Visitor(IRunningApp app) : this(app, new CookieContainer())
    {
    }

    /// <summary>The same person, with the same cookies, coming back to a restarted server.</summary>
    public Visitor On(IRunningApp restarted) => new(restarted, _cookies);

    public HttpClient Http => _http ??= new HttpClient(new CookieContainerHandler(_cookies)
    {
        InnerHandler = app.NewHandler(),
    })
    {
        BaseAddress = app.RootUri,
    };

    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public const string Password = "correct horse battery staple";

    /// <summary>First run: creates the administrator account with the setup code from the server's log.</summary>
    public async Task SetUpAsync(string name, string email)
    {
        _ = app.RootUri; // starts an in-memory server, which writes the code to its log
        var code = SetupCodeInLog().Match(string.Join('\n', app.LogLines)).Groups[1].Value;
        var response = await PostFormAsync("/setup", "/setup", new() { ["Code"] = code, ["Name"] = name, ["Email"] = email, ["Password"] = Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Setting up answered {response.StatusCode}, not a redirect home.");
        }
    }

    public async Task AddFacilitatorAsync(string name, string email)
    {
        var response = await PostFormAsync("/facilitators", "/facilitators?handler=Add", new() { ["Name"] = name, ["Email"] = email, ["Password"] = Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Adding a facilitator answered {response.StatusCode}.");
        }
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password = Password) =>
        await PostFormAsync("/sign-in", "/sign-in", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>
    /// Presses "Sign in with …" and follows every redirect, through the organisation's provider and
    /// back, as a browser would; answers the address it ended on.
    /// </summary>
    public async Task<Uri> SignInWithOrganisationAsync()
    {
        var response = await PostFormAsync("/sign-in", "/sign-in/organisation", []);
        for (var hops = 0; response.Headers.Location is { } next && hops < 10; hops++)
        {
            response = await Http.GetAsync(new Uri(response.RequestMessage!.RequestUri!, next));
        }

        return response.StatusCode == HttpStatusCode.OK
            ? response.RequestMessage!.RequestUri!
            : throw new InvalidOperationException($"Signing in with the organisation ended with {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Creates a review as its facilitator and returns its id.</summary>
    /// <param name="language">The person's language ("English" or "Welsh"); the form's own choice when null.</param>
    public async Task<string> CreateReviewAsync(string personName = "Sam Jones", string template = "person-centred-review", string? language = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["PersonName"] = personName,
            ["Title"] = "Annual review",
            ["Date"] = app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["TemplateId"] = template,
        };
        if (language is not null)
        {
            fields["Language"] = language;
        }

        var response = await PostFormAsync("/reviews/new", "/reviews/new", fields);
        return response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location!.OriginalString.Split('/').Last()
            : throw new InvalidOperationException($"Creating a review answered {response.StatusCode}, not a redirect to the board.");
    }

    /// <summary>Invites someone to the review and returns their invitation link.</summary>
    public async Task<string> InviteAsync(string reviewId, string name, string relationship)
    {
        var response = await PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/invite", new() { ["name"] = name, ["relationship"] = relationship });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Inviting answered {response.StatusCode}, not a redirect to the board.");
        }

        var page = await Http.GetStringAsync(response.Headers.Location);
        return WebUtility.HtmlDecode(InvitationLink().Match(page).Groups[1].Value);
    }

    /// <summary>The invitation link the board shows once, after creating a review or inviting someone.</summary>
    public async Task<string> InvitationLinkShownAsync(string reviewId) =>
        WebUtility.HtmlDecode(InvitationLink().Match(await Http.GetStringAsync($"/reviews/{reviewId}")).Groups[1].Value);

    /// <summary>Makes a link for another device to be the review's big screen, and returns it.</summary>
    public async Task<string> ScreenLinkAsync(string reviewId)
    {
        var response = await PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/screenlink", []);
        var page = response.StatusCode == HttpStatusCode.Redirect
            ? await Http.GetStringAsync(response.Headers.Location)
            : throw new InvalidOperationException($"Making a screen link answered {response.StatusCode}.");
        return WebUtility.HtmlDecode(ScreenLink().Match(page).Groups[1].Value);
    }

    /// <summary>Makes someone's link again, from the page it is asked on (the board, or the minutes once closed), and returns the new link.</summary>
    public async Task<string> NewLinkAsync(string reviewId, string participantId, string onPage)
    {
        var response = await PostFormAsync(onPage, $"/reviews/{reviewId}/newlink", new() { ["participantId"] = participantId });
        var page = response.StatusCode == HttpStatusCode.Redirect
            ? await Http.GetStringAsync(response.Headers.Location)
            : throw new InvalidOperationException($"Making a new link answered {response.StatusCode}.");
        return WebUtility.HtmlDecode(NewLink().Match(page).Groups[1].Value);
    }

    /// <summary>Shows a new join code on the big screen, as the facilitator, and returns it.</summary>
    public async Task<string> OpenJoinCodeAsync(string reviewId)
    {
        var response = await PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/joincode", new() { ["open"] = "true" });
        return response.StatusCode == HttpStatusCode.Redirect
            ? await JoinCodeAsync(reviewId)
            : throw new InvalidOperationException($"Showing a join code answered {response.StatusCode}.");
    }

    /// <summary>The six digits the big screen shows, as a facilitator sees them; empty when joining by code is off.</summary>
    public async Task<string> JoinCodeAsync(string reviewId) =>
        JoinCode().Match(await Http.GetStringAsync($"/screen/{reviewId}")).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Types a code, a name and a relationship on the join page; answers where it sent them, or null if it did not.</summary>
    public async Task<string?> AskToJoinAsync(string code, string name = "Bo Lane", string relationship = "friend")
    {
        var response = await PostFormAsync("/join", "/join", new() { ["Code"] = code, ["Name"] = name, ["Relationship"] = relationship });
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : null;
    }

    public async Task<HttpResponseMessage> AddCoFacilitatorAsync(string reviewId, string email) =>
        await PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/cofacilitator", new() { ["email"] = email });

    /// <summary>Presses the language switcher on a page, as someone choosing "Cymraeg" or "English" does.</summary>
    public Task<HttpResponseMessage> ChooseLanguageAsync(string code, string onPage = "/join") =>
        PostFormAsync(onPage, "/language", new() { ["to"] = code, ["back"] = onPage });

    public async Task<HttpResponseMessage> JoinAsync(string invitationLink) =>
        await PostFormAsync(invitationLink, new Uri(invitationLink).AbsolutePath, []);

    /// <summary>The value of one of the visitor's cookies for the app, such as the proxy's sticky one; null if it has none.</summary>
    public string? CookieValue(string name) => _cookies.GetCookies(app.RootUri)[name]?.Value;

    public async Task<HubConnection> ConnectAsync(string reviewId)
    {
        var connection = Connection(reviewId);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>A connection to the review's room, not yet started.</summary>
    public HubConnection Connection(string reviewId)
    {
        var cookie = _cookies.GetCookieHeader(app.RootUri);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.RootUri, $"hubs/review?review={reviewId}"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (app.InMemoryServer is not { } server)
                {
                    o.Headers["Cookie"] = cookie;
                    return;
                }

                o.WebSocketFactory = async (context, cancel) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Cookie = cookie;
                    return await client.ConnectAsync(context.Uri, cancel);
                };
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        // Several tabs of one person may connect at once.
        lock (_connections)
        {
            _connections.Add(connection);
        }

        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        _http?.Dispose();
    }

    [GeneratedRegex(@"setup code: ([A-Z2-7]{4}(?:-[A-Z2-7]{1,4})+)")]
    private static partial Regex SetupCodeInLog();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("id=\"invitation-link\" name=\"invitation-link\" type=\"text\" value=\"([^\"]+)\"")]
    private static partial Regex InvitationLink();

    [GeneratedRegex("id=\"new-link-value\" name=\"new-link\" type=\"text\" value=\"([^\"]+)\"")]
    private static partial Regex NewLink();

    [GeneratedRegex("id=\"screen-code\">([0-9 ]*)<")]
    private static partial Regex JoinCode();

    [GeneratedRegex("id=\"screen-link\" name=\"screen-link\" type=\"text\" value=\"([^\"]+)\"")]
    private static partial Regex ScreenLink();
}
