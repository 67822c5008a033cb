namespace Marketplace.Testing;

/// <summary>The repository the tests run from, and its git-ignored artifacts/ folder, where tests leave files that build/test.sh reads.</summary>
public static class Repository
{
    /// <summary>The folder holding Marketplace.sln above the test assembly, or null when the tests run elsewhere.</summary>
    public static string? Root { get; } = FindRoot();

    /// <summary>artifacts/&lt;relative&gt; at the repository root, with its folder created.</summary>
    public static string Artifact(string relative)
    {
        var path = Path.Combine(Root ?? throw new InvalidOperationException("The tests run outside the repository: no Marketplace.sln above " + AppContext.BaseDirectory), "artifacts", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static string? FindRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Marketplace.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder;
    }
}
