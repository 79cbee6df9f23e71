using ReviewRoom.TestHost;

namespace ReviewRoom.BrowserTests;

/// <summary>Each browser test gets the real app of its own, on a real port, with its own data.</summary>
public abstract class LiveApp : IAsyncLifetime
{
    private readonly DataFolder _data = new();

    protected ReviewRoomFactory App { get; private set; } = null!;

    /// <summary>Configuration for this class's app, such as a mail server's.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public virtual ValueTask InitializeAsync()
    {
        App = ReviewRoomFactory.UseRealSocket(_data, Settings);
        return ValueTask.CompletedTask;
    }

    public virtual async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _data.Dispose();
        GC.SuppressFinalize(this);
    }
}
