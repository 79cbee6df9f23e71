namespace ReviewRoom.UnitTests;

/// <summary>Files in the checkout, found from the test's bin folder so the tests run from any working directory.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathTo(parts));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ReviewRoom.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ReviewRoom.sln above {AppContext.BaseDirectory}.");
    }
}
