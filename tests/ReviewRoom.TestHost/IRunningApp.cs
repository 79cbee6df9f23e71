using Microsoft.AspNetCore.TestHost;

namespace ReviewRoom.TestHost;

/// <summary>The app a <see cref="Visitor"/> talks to: in this process (a <see cref="ReviewRoomFactory"/>) or a child process (a <see cref="ServerProcess"/>).</summary>
public interface IRunningApp
{
    Uri RootUri { get; }

    /// <summary>What the server has logged so far; the setup code is read from here.</summary>
    IEnumerable<string> LogLines { get; }

    /// <summary>Today, on the app's own clock: the day reviews are made for.</summary>
    DateOnly Today { get; }

    /// <summary>The in-memory server to send requests through; null when the app listens on a real socket.</summary>
    TestServer? InMemoryServer { get; }

    /// <summary>What a visitor's requests go out through: the in-memory server, or a socket that leaves cookies and redirects to the visitor.</summary>
    HttpMessageHandler NewHandler() => InMemoryServer?.CreateHandler() ?? new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
}
