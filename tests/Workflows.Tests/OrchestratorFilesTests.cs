using System.Text.RegularExpressions;
using Microsoft.DurableTask;
using Workflows.TestSupport;

namespace Workflows.Tests;

/// <summary>
/// Orchestrators live in <c>*.orchestration.cs</c> files, so a reader knows where replay rules apply, and those files
/// use nothing that differs between replays (the SDK's analyzers check the same inside orchestrator methods).
/// </summary>
public sealed partial class OrchestratorFilesTests
{
    private static readonly string[] Forbidden =
        ["DateTime.Now", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "Guid.NewGuid", "Task.Delay", "Task.Run", "Thread.Sleep", "HttpClient", "File.", "Directory.", "Console."];

    private static string Source => Path.Combine(RepositoryRoot.Path, "src", "Workflows");

    [Fact]
    public void EveryOrchestrator_LivesInAnOrchestrationFile()
    {
        var orchestrators = typeof(NetworkTasks).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && IsOrchestrator(t))
            .Select(t => t.Name)
            .ToList();
        var declared = Directory.EnumerateFiles(Source, "*.orchestration.cs", SearchOption.AllDirectories)
            .SelectMany(f => ClassName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(orchestrators);
        Assert.All(orchestrators, name => Assert.Contains(name, declared));
    }

    [Fact]
    public void OrchestrationFiles_UseNothingThatDiffersBetweenReplays()
    {
        foreach (var file in Directory.EnumerateFiles(Source, "*.orchestration.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.All(Forbidden, word => Assert.False(text.Contains(word, StringComparison.Ordinal), $"{Path.GetFileName(file)} uses {word}"));
        }
    }

    private static bool IsOrchestrator(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(TaskOrchestrator<,>))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\bclass\s+(\w+)")]
    private static partial Regex ClassName();
}
