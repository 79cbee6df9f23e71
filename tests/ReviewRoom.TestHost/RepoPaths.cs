using System.Reflection;

namespace ReviewRoom.TestHost;

public static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string TestResults => Directory.CreateDirectory(Path.Combine(Root, "test-results")).FullName;
}
