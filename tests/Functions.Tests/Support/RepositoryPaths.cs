namespace Workflows.Functions.Tests.Support;

/// <summary>Finds the repository and the built app from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Workflows.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Workflows.sln not found above the test output folder.");
        }
    }

    /// <summary>The app's dll as this test run built it (same configuration and target framework).</summary>
    public static string FunctionsDll
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(Root, "src", "Functions", "bin", output.Parent!.Name, output.Name, "Workflows.Functions.dll");
        }
    }
}
