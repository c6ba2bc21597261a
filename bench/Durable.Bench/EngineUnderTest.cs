using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Workflows.Durable.Bench;

/// <summary>An engine on a fresh store (a SQLite file, or a task hub on Azurite) with the system clock, as it runs in production.</summary>
internal sealed class EngineUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly string directory;

    private EngineUnderTest(ServiceProvider provider, string directory)
    {
        this.provider = provider;
        this.directory = directory;
    }

    public DurableTaskClient Client => provider.GetRequiredService<DurableTaskClient>();

    /// <summary>Azurite's connection string when benchmarking the Azure Storage store; null for SQLite.</summary>
    public static string? AzureConnectionString { get; set; }

    public static async Task<EngineUnderTest> StartAsync(Action<DurableTaskRegistry> tasks)
    {
        var directory = Path.Combine(Path.GetTempPath(), "durable-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var services = new ServiceCollection().AddLogging();
        services.AddDurableTask(b =>
        {
            b.AddTasks(tasks);
            if (AzureConnectionString is { } connectionString)
            {
                b.UseAzureStorage(o =>
                {
                    o.ConnectionString = connectionString;
                    o.TaskHub = "b" + Guid.NewGuid().ToString("N")[..12];
                    o.SendWorkNotices = false;
                });
            }
            else
            {
                b.UseSqlite(Path.Combine(directory, "bench.db"));
            }
        });
        var engine = new EngineUnderTest(services.BuildServiceProvider(), directory);
        foreach (var hosted in engine.provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await provider.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
