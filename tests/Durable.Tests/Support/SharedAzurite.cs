using Workflows.TestSupport;

namespace Workflows.Durable.Tests.Support;

/// <summary>
/// One Azurite for every engine test class in this run (each test uses its own task hub), started on first use and
/// stopped when the test process exits, so dozens of classes do not each start a node process.
/// </summary>
public static class SharedAzurite
{
    private static readonly Lazy<Task<Azurite>> Instance = new(StartAsync);

    public static async Task<string> ConnectionStringAsync() => (await Instance.Value).ConnectionString;

    private static async Task<Azurite> StartAsync()
    {
        var azurite = new Azurite();
        await azurite.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().GetAwaiter().GetResult();
        return azurite;
    }
}
