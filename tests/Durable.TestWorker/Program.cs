// A worker process for the engine's multi-process tests: it runs the "Chain" orchestration against a shared
// store, writes one line per activity execution to its own journal and to stdout, and can be killed.
// Usage: sqlite:<database>|azure:<task hub> <journal directory> <lease seconds> <activity delay ms> <concurrency>
// (for azure, the connection string is in DURABLE_TEST_AZURE_CONNECTION)
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
builder.Services.AddDurableTask(b => UseStore(b, store)
    .AddTasks(r => r.AddOrchestrator<Chain>().AddActivity<Step>())
    .ConfigureWorker(o =>
    {
        o.LeaseDuration = lease;
        o.PollingInterval = TimeSpan.FromMilliseconds(100);
        o.MaxConcurrentOrchestrations = concurrency;
        o.MaxConcurrentActivities = concurrency;
    }));
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("ready");
await host.WaitForShutdownAsync();

static DurableTaskBuilder UseStore(DurableTaskBuilder builder, string store) =>
    store.StartsWith("azure:", StringComparison.Ordinal)
        ? builder.UseAzureStorage(o =>
        {
            o.ConnectionString = Environment.GetEnvironmentVariable("DURABLE_TEST_AZURE_CONNECTION");
            o.TaskHub = store["azure:".Length..];
            o.SendWorkNotices = false;
        })
        : builder.UseSqlite(store["sqlite:".Length..]);
