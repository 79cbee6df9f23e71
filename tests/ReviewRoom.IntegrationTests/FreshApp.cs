using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>
/// For tests that each want an app of their own, on a fresh data folder, with its administrator,
/// Fran Facilitator, signed in. A test restarts the server on the same data by replacing <see cref="App"/>.
/// </summary>
public abstract class FreshApp : IAsyncLifetime
{
    protected DataFolder Data { get; } = new();

    protected ReviewRoomFactory App { get; set; } = null!;

    /// <summary>The administrator, signed in.</summary>
    protected Visitor Fran { get; private set; } = null!;

    /// <summary>Configuration for this class's app, such as "ReviewRoom:RetentionMonths".</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public virtual async ValueTask InitializeAsync()
    {
        App = new ReviewRoomFactory(Data, settings: Settings);
        Fran = await App.NewFacilitatorAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Fran.DisposeAsync();
        await App.DisposeAsync();
        Data.Dispose();
        GC.SuppressFinalize(this);
    }
}
