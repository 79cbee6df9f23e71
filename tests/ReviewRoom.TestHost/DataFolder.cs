namespace ReviewRoom.TestHost;

/// <summary>A data folder of one test's own, deleted afterwards.</summary>
public sealed class DataFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("reviewroom-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
