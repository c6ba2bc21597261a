using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workflows.Durable.Bench;

/// <summary>
/// Microsoft's worker and client on the backend over a fresh store (a SQLite file, or a task hub on Azurite) with the
/// system clock, as it runs in production.
/// </summary>
internal sealed class EngineUnderTest : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string directory;

    private EngineUnderTest(IHost host, string directory)
    {
        this.host = host;
        this.directory = directory;
    }

    public DurableTaskClient Client => host.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Azurite's connection string when benchmarking DurableTask.AzureStorage; null for SQLite.</summary>
    public static string? AzureConnectionString { get; set; }

    public static async Task<EngineUnderTest> StartAsync(Action<DurableTaskRegistry> tasks)
    {
        var directory = Path.Combine(Path.GetTempPath(), "durable-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDurableTaskBackend(b =>
        {
            if (AzureConnectionString is { } connectionString)
            {
                b.UseAzureStorage(connectionString, "b" + Guid.NewGuid().ToString("N")[..12], s => s.MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500));
            }
            else
            {
                b.UseSqlite(Path.Combine(directory, "bench.db"));
            }
        });
        builder.Services.AddDurableTaskWorker(b => b.AddTasks(tasks).UseBackend());
        builder.Services.AddDurableTaskClient(b => b.UseBackend());
        var host = builder.Build();
        await host.StartAsync();
        return new EngineUnderTest(host, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
