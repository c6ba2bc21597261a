// A worker process for the backend's multi-process tests: Microsoft's worker on our backend, running "Chain" against a
// shared store; it writes one line per activity execution to its own journal and to stdout, and can be killed.
// Usage: sqlite:<database>|azure:<task hub>|grpc:<address> <journal directory> <lease seconds> <activity delay ms> <concurrency>
// (for azure, the connection string is in DURABLE_TEST_AZURE_CONNECTION; grpc: uses a backend in another process as
// its sidecar, over TCP, with no backend of its own)
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflows.Durable;
using Workflows.Durable.TestWorker;

var store = args[0];
var journal = Path.Combine(args[1], $"{Environment.ProcessId}.log");
var lease = TimeSpan.FromSeconds(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
var delay = TimeSpan.FromMilliseconds(int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
var concurrency = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
if (Environment.GetEnvironmentVariable("DURABLE_TEST_LOG") is "1")
{
    builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Debug);
}

builder.Services.AddSingleton(new Journal(journal, delay));
if (store.StartsWith("grpc:", StringComparison.Ordinal))
{
    builder.Services.AddDurableTaskWorker(b => b
        .AddTasks(r => r.AddOrchestrator<Chain>().AddActivity<Step>())
        .UseGrpc(store["grpc:".Length..])
        .Configure(o =>
        {
            o.Concurrency.MaximumConcurrentActivityWorkItems = concurrency;
            o.Concurrency.MaximumConcurrentOrchestrationWorkItems = concurrency;
        }));
}
else
{
    builder.Services.AddDurableTaskBackend(b =>
    {
        if (store.StartsWith("azure:", StringComparison.Ordinal))
        {
            b.UseAzureStorage(Environment.GetEnvironmentVariable("DURABLE_TEST_AZURE_CONNECTION")!, store["azure:".Length..], s =>
            {
                s.MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500);
                s.VisibilityTimeout = TimeSpan.FromSeconds(Math.Max(5, lease.TotalSeconds));
                s.MaxConcurrentActivities = concurrency;
                s.MaxConcurrentOrchestrations = concurrency;
            });
        }
        else
        {
            b.UseSqlite(store["sqlite:".Length..], s =>
            {
                s.LeaseDuration = lease;
                s.PollingInterval = TimeSpan.FromMilliseconds(100);
                s.MaxConcurrentActivities = concurrency;
                s.MaxConcurrentOrchestrations = concurrency;
            });
        }
    });
    builder.Services.AddDurableTaskWorker(b => b.AddTasks(r => r.AddOrchestrator<Chain>().AddActivity<Step>()).UseBackend());
}

using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("ready");
await host.WaitForShutdownAsync();
