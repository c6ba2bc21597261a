namespace Workflows.TestSupport;

/// <summary>The repository's root folder, found from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "Workflows.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Workflows.sln not found above the test output folder.");
        }
    }
}
